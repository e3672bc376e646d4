// OWNED BY the claims work (issue 12).
import { Claim, Mention, Publication, Sentence } from '../types';

export interface ClaimInput {
  text: string;
  sentences: Sentence[];
  mentions: Mention[];
  publication: Publication;
  agency: string | null;
}

/** Who did what to which place when, according to whom, per sentence. */
export function extractClaims(_input: ClaimInput): Claim[] {
  return [];
}
