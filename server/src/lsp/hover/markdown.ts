// Article text is untrusted: everything quoted from it into hover Markdown goes through escapeMarkdown.

/** Escapes Markdown and HTML so article text renders literally and can never form links or commands. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\r\n]+/g, ' ');
}

/** "1 Sep 2017" style from YYYY-MM-DD; the input is ours, not the article's. */
export function formatDay(iso: string | null, withWeekday = false): string {
  if (!iso) return 'unknown';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return `${withWeekday ? days[d.getUTCDay()] + ' ' : ''}${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Where the publication date came from, in the user's words. */
export function anchorPhrase(from: string): string {
  switch (from) {
    case 'source-line':
      return 'from the source line';
    case 'dateline':
      return 'from the dateline';
    case 'header':
      return 'from the date header';
    case 'front-matter':
      return 'from the front matter';
    case 'setting':
      return 'from the setting dateline.defaultPublished';
    case 'option':
      return 'from --published';
    default:
      return 'unknown';
  }
}
