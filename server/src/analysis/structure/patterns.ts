// Line patterns of scraped wire copy. Every pattern is anchored and free of nested
// quantifiers, so a hostile line costs linear time.

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';

/** "Source: Xinhua| 2017-09-02 20:12:54|Editor: Yamei" */
export const SOURCE_LINE = /^\s*Source\s*:\s*([^|\n]{1,60}?)\s*\|\s*(\d{4})-(\d{2})-(\d{2})(?:[ T]+(\d{2}:\d{2}(?::\d{2})?))?\s*(?:\|[^\n]{0,200})?$/i;

/** "DAMASCUS, Sept. 2 (Xinhua) --", "BEIRUT, Lebanon (AP) —", "MOSCOW (Reuters) -" */
export const DATELINE = new RegExp(
  "^\\s*([A-Z][A-Z'’.\\- ]{1,40}?)" + // city in capitals
    '(?:,\\s*([A-Z][A-Za-z.\\- ]{1,30}?))?' + // optional region or country
    '(?:,\\s*(' + MONTH + '\\s+\\d{1,2}(?:,\\s*\\d{4})?))?' + // optional date
    '\\s*\\(([A-Za-z][A-Za-z .&/-]{1,40})\\)\\s*(?:--|—|–|-)\\s*',
);

/** "Date: 2 September 2017", "Published: 2017-09-02", "Posted on Sept. 2, 2017" */
export const HEADER_DATE = /^\s*(?:(?:Date|Published|Publication date|Posted|Updated|Dateline)\s*:|Posted on|Published on)\s*([^\n]{0,40}\d[^\n]{0,40})$/i;

/** A photo caption credit: "(Xinhua/Ammar Safarjalani)", "(AFP Photo)", "(Photo: Reuters)" */
export const CAPTION_CREDIT = /\((?:Xinhua|AFP|AP|Reuters|EPA|Getty|SANA|Anadolu)\s*(?:\/[^)\n]{1,60}|Photo[^)\n]{0,60})\)\s*$|\(Photo\s*:[^)\n]{1,60}\)\s*$|^\s*Photo taken on\b/i;

/** A caption slug: "SYRIA-HOMS-LIBERATED TOWN-DAILY LIFE" */
export const CAPTION_SLUG = /^\s*[A-Z][A-Z0-9 '’]{1,30}(?:-[A-Z0-9 '’]{1,40}){1,8}\s*$/;

/** Page furniture scraped along with the story. */
export const BOILERPLATE_LINE = new RegExp(
  '^\\s*(?:' +
    [
      'Video ?Player ?Close',
      'TOP STORIES',
      "EDITOR[’']?S CHOICE",
      'MOST VIEWED',
      'MOST POPULAR',
      'EXPLORE XINHUANET',
      'RELATED (?:STORIES|ARTICLES|NEWS)',
      'Related:?',
      'Advertisement',
      'Share(?: this)?(?: article)?:?',
      'Follow us on [A-Za-z]+',
      'Read more:?',
      'Copyright [^\\n]{0,80}',
      '©[^\\n]{0,80}',
      'All rights reserved\\.?',
      'Click here[^\\n]{0,80}',
      'Print',
      '(?:Reporting|Writing|Editing|Additional reporting|Compiled) by [^\\n]{0,200}',
      'Email',
    ].join('|') +
    ')\\s*$',
  'i',
);

/** Lines that start the trailing page furniture: everything after them is boilerplate too. */
export const TRAILER_START = /^\s*(?:TOP STORIES|EDITOR[’']?S CHOICE|MOST VIEWED|EXPLORE XINHUANET|RELATED (?:STORIES|ARTICLES|NEWS))\s*$/i;

/** A long run of digits: scraped page ids ("010020070750000000000000011103261365773551"). */
export const NUMERIC_ID_LINE = /^\s*\d{12,}\s*$/;
export const LEADING_NUMERIC_ID = /^\d{16,}/;

/** YAML front matter opener. */
export const FRONT_MATTER_FENCE = /^---\s*$/;
export const FRONT_MATTER_DATE = /^\s*(?:date|published|pubdate|publication_date)\s*:\s*["']?([^"'\n]{4,40})["']?\s*$/i;
