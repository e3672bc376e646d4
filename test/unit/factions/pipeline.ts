// The factions pipeline without places or dates, rendered one line per mention for readable expectations.
import { detectStructure } from '../../../server/src/analysis';
import { findPublication } from '../../../server/src/analysis/structure/findPublication';
import { splitSentences } from '../../../server/src/analysis/structure/splitSentences';
import { findFactions, findSources, resolveFactionReferences } from '../../../server/src/analysis/factions/findFactions';
import { testKnowledge } from '../../support/knowledge';

/** Readable expectations: one line per mention, sentences quoted by index. */
export function factionsAndSources(text: string): { factions: string[]; sources: string[] } {
  const knowledge = testKnowledge();
  const structure = detectStructure(text);
  const publication = findPublication(text, structure, {});
  const sentences = splitSentences(text, structure);
  const factions = findFactions(text, sentences, knowledge.factions, { publication, blocked: [] });
  const resolved = resolveFactionReferences(text, sentences, knowledge.factions, factions, [], factions, publication);
  const actors = [...factions, ...resolved].sort((a, b) => a.start - b.start);
  const sources = findSources(text, sentences, knowledge.factions, structure.agency, actors, { actors, structure });
  return {
    factions: actors.map((m) => `s${m.sentence} "${m.text}" → ${m.id} (${m.resolvedFrom}${m.descriptors.length ? `; ${m.descriptors.join(', ')}` : ''})`),
    sources: sources.map((m) => `"${m.text}" → ${m.id} [${m.sourceKind}${m.role ? `, ${m.role}` : ''}] says ${m.attributed.length ? `s${m.attributed.join(' s')}` : 'nothing'}`),
  };
}

