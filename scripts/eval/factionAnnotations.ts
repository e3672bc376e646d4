// Reads the annotated faction fixtures: `[[surface|id]]` marks a faction mention; the markup is removed
// and the gold spans point into the clean text. Shared by `npm run eval:factions` and the unit tests.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface GoldMention {
  start: number;
  end: number;
  text: string;
  /** Dictionary id, or "actor" for any phrase actor outside the dictionary. */
  id: string;
}

export interface AnnotatedArticle {
  name: string;
  text: string;
  gold: GoldMention[];
}

export const ANNOTATED_DIR = path.join(__dirname, '..', '..', 'test', 'fixtures', 'factions', 'eval');

/** Strips `[[surface|id]]` markup, returning the clean text and the gold mentions. */
export function parseAnnotated(name: string, marked: string): AnnotatedArticle {
  let text = '';
  const gold: GoldMention[] = [];
  const re = /\[\[([^\]|]{1,200})\|([a-z0-9:-]{1,80})\]\]/g;
  let last = 0;
  for (let m = re.exec(marked); m; m = re.exec(marked)) {
    text += marked.slice(last, m.index);
    gold.push({ start: text.length, end: text.length + m[1].length, text: m[1], id: m[2] });
    text += m[1];
    last = m.index + m[0].length;
  }
  text += marked.slice(last);
  return { name, text, gold };
}

/** Every annotated article in the fixtures folder. */
export function loadAnnotated(dir = ANNOTATED_DIR): AnnotatedArticle[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseAnnotated(f, fs.readFileSync(path.join(dir, f), 'utf8')));
}

/** Does a system id match a gold id ("actor" matches any generated phrase id)? */
export function idMatches(gold: string, system: string): boolean {
  return gold === system || (gold === 'actor' && system.startsWith('actor:'));
}
