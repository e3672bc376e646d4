// The articles as Ctrl+T's index reads them (analysis/outline/symbolSearch), from what the store knows without
// unpacking an indexed file: its mention keys and the spellings its digests keep.
import { articleSymbols, firstMention, LocateSymbol, SymbolArticle, SymbolEntity } from '../../analysis/outline';
import { ArticleRecord } from '../articleStore';

/**
 * Reads each record's places and factions, one record at a time. An indexed file is unpacked only when it names
 * an entity no record read before did (for the entity's name, the same in every article but for factions found
 * as a phrase, whose digest keeps it): a handful of files, where reading every file's mentions took 15-38 s at 10,000.
 */
export function symbolArticleReader(): (record: ArticleRecord) => SymbolArticle {
  const names = new Map<string, string>();
  return (r) => {
    if (!r.mentionKeys || !r.writtenNames) return articleSymbols(r);
    const read = r.writtenNames.bind(r);
    const found = r.mentionKeys.filter((k) => k.startsWith('place\u0000') || k.startsWith('faction\u0000')).map((key) => ({ key, digest: read(key) }));
    if (found.some(({ key, digest }) => !digest?.name && !names.has(key))) {
      for (const m of r.analysis.mentions) if ((m.kind === 'place' || m.kind === 'faction') && !names.has(`${m.kind}\u0000${m.id}`)) names.set(`${m.kind}\u0000${m.id}`, m.name);
    }
    const entities: SymbolEntity[] = [];
    for (const { key, digest } of found) {
      const sep = key.indexOf('\u0000');
      const id = key.slice(sep + 1);
      entities.push({ kind: key.slice(0, sep) as SymbolEntity['kind'], id, name: digest?.name ?? names.get(key) ?? id, written: digest?.written ?? [] });
    }
    return { uri: r.uri, analysis: r.analysis, entities };
  };
}

/** The first mention of an entity in a record: read for the results a query returns only. */
export function locateInRecords(records: Map<string, ArticleRecord>): LocateSymbol {
  return (uri, kind, id) => {
    const r = records.get(uri);
    return r ? firstMention([r], kind, id) : null;
  };
}
