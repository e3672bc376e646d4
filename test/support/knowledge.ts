// The knowledge every core test uses: the same data the server loads, built once per process.
import { Knowledge } from '../../server/src/analysis/knowledge';
import { loadKnowledge } from '../../server/src/knowledge/loadKnowledge';

let cached: Knowledge | null = null;

export function testKnowledge(): Knowledge {
  cached ??= loadKnowledge();
  return cached;
}
