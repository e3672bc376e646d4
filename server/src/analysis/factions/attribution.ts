// Who says each sentence: the lookup the claims engineer uses to give every claim its source.
import { Mention, SourceMention } from '../types';

export interface Attribution {
  id: string;
  name: string;
  sourceKind: SourceMention['sourceKind'];
  /** The mention that carries the attribution ("he", "the Observatory", the dateline's agency). */
  mention: SourceMention;
}

/** Sentence index → its source, built once per article from the source mentions. */
export function attributionTable(mentions: readonly Mention[]): Map<number, Attribution> {
  const table = new Map<number, Attribution>();
  // Explicit speakers first, the outlet (sentence -1, the dateline's agency) only for what is left.
  const sources = mentions.filter((m): m is SourceMention => m.kind === 'source').sort((a, b) => Number(a.sentence < 0) - Number(b.sentence < 0));
  for (const m of sources) {
    for (const s of m.attributed) if (!table.has(s)) table.set(s, { id: m.id, name: m.name, sourceKind: m.sourceKind, mention: m });
  }
  return table;
}

/** The source of one sentence, or null when the article names none (no agency, nobody speaking). */
export function attributionOf(mentions: readonly Mention[], sentence: number): Attribution | null {
  return attributionTable(mentions).get(sentence) ?? null;
}
