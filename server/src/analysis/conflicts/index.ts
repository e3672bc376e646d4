// Conflicts between claims: batch (findConflicts) and incremental (ClaimStore).
export { findConflicts, ClaimStore } from './claimStore';
export type { Conflict, ConflictClaim, ConflictKind, ArticleClaims } from './types';
export { syntheticArticleClaims } from './syntheticClaims';
export { conflictKindOf } from './placeConflicts';
