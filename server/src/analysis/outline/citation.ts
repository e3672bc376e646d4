// "Copy as citation": the sentence with who said it, when the article was published, and where it is.
import { dayLabel, fileName, lineOf, sentenceAround } from './articleText';
import { OutlineArticle } from './types';

export interface Citation {
  text: string;
  sentence: string;
  source: string | null;
  published: string | null;
  file: string;
  line: number;
}

/** The citation of the sentence containing an offset: “sentence” — source, date, file, line n. */
export function citationAt(article: OutlineArticle, offset: number): Citation {
  try {
    return cite(article, offset);
  } catch {
    const file = fileName(article.uri);
    return { text: `— ${file}`, sentence: '', source: null, published: null, file, line: 1 };
  }
}

function cite(article: OutlineArticle, offset: number): Citation {
  const { index, text: sentence } = sentenceAround(article, offset);
  const source = sourceOf(article, index);
  const published = article.analysis.publication.date ? dayLabel(article.analysis.publication.date) : null;
  const file = fileName(article.uri);
  const line = lineOf(article, offset) + 1;
  const text = `“${sentence}” — ${[source, published, file, `line ${line}`].filter(Boolean).join(', ')}`;
  return { text, sentence, source, published, file, line };
}

/** Who the sentence is attributed to; else a claim's source in it; else the article's agency. */
function sourceOf(article: OutlineArticle, sentence: number): string | null {
  const a = article.analysis;
  if (sentence >= 0) {
    for (const m of a.mentions) if (m.kind === 'source' && Array.isArray(m.attributed) && m.attributed.includes(sentence)) return m.name;
    for (const c of a.claims) if (c.sentence === sentence && c.source?.name) return c.source.name;
  }
  return a.structure.agency;
}
