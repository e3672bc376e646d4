// Longest-match dictionary lookup over word tokens: one trie walk per token start, so the cost is
// linear in the text and independent of the dictionary's size.
import { Span } from '../types';
import { activeAt } from './dictionary';
import { AliasTarget, CaseRule, TrieNode } from './factionIndex';
import * as tokenBits from './tokens';
import { Token } from './tokens';
import { tokenClasses, tokenFlags } from './tokenArrays';
import { ObjectPool } from '../objectPool';

// Read once: under per-file transpilation (tsx runs the tests, the eval and the profiles) each read of an
// imported binding is a getter call, and these are tested per token.
const { CAP, PUNCT, UPPER } = tokenBits;

export interface DictionaryHit<E> extends Span {
  /** Token range [first, last). */
  first: number;
  last: number;
  /** Candidates for the matched alias, valid at the article's date first. */
  targets: AliasTarget<E>[];
}

/**
 * All longest, non-overlapping dictionary hits in the token range [from, to). With the trie's word-class
 * bits (first words; whole one-word names; second words of longer names; first words some name may start
 * uncapitalised), most tokens are skipped by bit tests.
 */
export function matchDictionary<E>(
  text: string,
  tokens: Token[],
  from: number,
  to: number,
  root: TrieNode<E>,
  date: string | null,
  out: DictionaryHit<E>[],
  firstBit = 0,
  aloneBit = 0,
  secondBit = 0,
  lowerBit = 0,
  pool: HitPool<E> | null = null,
): void {
  const classes = tokenClasses(tokens);
  const flags = tokenFlags(tokens);
  const steps = rootStepsOf(root);
  let i = from;
  while (i < to) {
    const cls = classes[i];
    // Most tokens start no name: a bit test (set by the index for first words), else one map lookup.
    if (firstBit ? !(cls & firstBit) : !root.next.has(tokens[i].key)) {
      i++;
      continue;
    }
    // A name needs this word alone, or a word after it that is the second word of some name.
    if (secondBit && !(cls & aloneBit) && !(i + 1 < to && classes[i + 1] & secondBit)) {
      i++;
      continue;
    }
    // "is", "the government": every name starting with the word needs it capitalised (a quarter of the walks
    // in wire copy started at the verb "is").
    if (lowerBit && !(cls & lowerBit) && !(flags[i] & CAP)) {
      i++;
      continue;
    }
    const hit = longestAt(text, tokens, i, to, root, steps, date, pool);
    if (hit) {
      out.push(hit);
      i = hit.last;
    } else i++;
  }
}

function longestAt<E>(text: string, tokens: Token[], i: number, to: number, root: TrieNode<E>, steps: RootSteps<E>, date: string | null, pool: HitPool<E> | null): DictionaryHit<E> | null {
  const first = tokens[i];
  if (first.flags & PUNCT && first.key !== '&') return null;
  let node: TrieNode<E> | undefined = root;
  // The longest match so far, as its end token and candidates: one hit object is made, at the end of the walk.
  let bestLast = -1;
  let bestTargets: AliasTarget<E>[] | null = null;
  let j = i;
  while (j < to) {
    const t = tokens[j];
    if (t.flags & PUNCT && t.key !== '&') break;
    node = j === i ? steps.step(t.key) : node.next.get(t.key);
    if (!node) break;
    j++;
    if (node.targets) {
      // Count the candidates whose case rules hold before building anything: most walks end without a hit.
      const targets = node.targets;
      let ok = 0;
      // Which candidates hold, one bit each (when there are few enough), for the memo of their dated order.
      let mask = 0;
      let onlyExactSingles = true;
      for (let k = 0; k < targets.length; k++) {
        const target = targets[k];
        if (!casesMatch(text, tokens, i, target)) continue;
        ok++;
        if (k < MAX_MASKED) mask |= 1 << k;
        if (!(target.rules.length === 1 && target.rules[0] === CaseRule.Exact)) onlyExactSingles = false;
      }
      if (ok && !(onlyExactSingles && inShoutedText(text, tokens, i, to))) {
        const dated =
          targets.length <= MAX_MASKED ? datedTargets(node, date, mask) : byDate(ok === targets.length ? targets : targets.filter((target) => casesMatch(text, tokens, i, target)), date);
        bestLast = j;
        bestTargets = dated;
      }
    }
  }
  if (bestTargets === null) return null;
  const start = tokens[i].start;
  const end = tokens[bestLast - 1].end;
  return pool ? pool.take(start, end, i, bestLast, bestTargets) : { start, end, first: i, last: bestLast, targets: bestTargets };
}

/** Slots of a RootSteps table (a power of two). */
const ROOT_STEPS = 256;

/**
 * The root's children by first word, remembered in a small table: a walk's first step is a lookup in the root's
 * map, the largest of the trie (a first word of every name), and walks start at the same few words over and
 * over ("Syrian", "Islamic", "Free"). Only found children are kept, and a child never changes once the trie
 * has it, so the table holds as the trie grows. The slot comes from the word's length and end letters.
 */
class RootSteps<E> {
  private readonly keys: (string | null)[] = new Array(ROOT_STEPS).fill(null);
  private readonly nodes: (TrieNode<E> | null)[] = new Array(ROOT_STEPS).fill(null);

  constructor(readonly root: TrieNode<E>) {}

  /** root.next.get(key). */
  step(key: string): TrieNode<E> | undefined {
    const n = key.length;
    const slot = (n * 7 + key.charCodeAt(0) * 31 + key.charCodeAt(n - 1)) & (ROOT_STEPS - 1);
    if (this.keys[slot] === key) return this.nodes[slot]!;
    const node = this.root.next.get(key);
    if (node) {
      this.keys[slot] = key;
      this.nodes[slot] = node;
    }
    return node;
  }
}

// The tables of the last two roots matched (factions and sources take turns): a new root takes the older's place.
let stepsA: RootSteps<unknown> | null = null;
let stepsB: RootSteps<unknown> | null = null;

function rootStepsOf<E>(root: TrieNode<E>): RootSteps<E> {
  if (stepsA?.root === root) return stepsA as RootSteps<E>;
  if (stepsB?.root === root) return stepsB as RootSteps<E>;
  stepsB = stepsA;
  stepsA = new RootSteps<E>(root) as RootSteps<unknown>;
  return stepsA as RootSteps<E>;
}

/**
 * Hit objects reused by one user of the matcher (a hit per name found was a tenth of the factions and sources
 * stages' allocation): take() hands out the next, reset() makes them all free again, so hits taken before a
 * reset must no longer be read.
 */
export class HitPool<E> {
  private readonly pool = new ObjectPool<DictionaryHit<E>>(4096);

  reset(): void {
    this.pool.reset();
  }

  take(start: number, end: number, first: number, last: number, targets: AliasTarget<E>[]): DictionaryHit<E> {
    const hit = this.pool.reuse();
    if (!hit) return this.pool.keep({ start, end, first, last, targets });
    hit.start = start;
    hit.end = end;
    hit.first = first;
    hit.last = last;
    hit.targets = targets;
    return hit;
  }
}

function casesMatch<E>(text: string, tokens: Token[], i: number, target: AliasTarget<E>): boolean {
  for (let k = 0; k < target.rules.length; k++) {
    const t = tokens[i + k];
    const rule = target.rules[k];
    if (rule === CaseRule.Cap && !(t.flags & CAP)) return false;
    // Compared in place (no slice): same length, same characters.
    if (rule === CaseRule.Exact && (t.end - t.start !== target.surface[k].length || !text.startsWith(target.surface[k], t.start))) return false;
  }
  return true;
}

/** Short acronyms ("IS", "AP") inside ALL-CAPS text ("IS LOSES GROUND") are ordinary words. */
function inShoutedText(text: string, tokens: Token[], i: number, to: number): boolean {
  const t = tokens[i];
  if (t.end - t.start > 3) return false;
  const prev = i - 1;
  const next = i + 1 < to ? i + 1 : -1;
  return (isWordUpper(tokens, prev) && !hasNewlineBetween(text, tokens[prev].end, t.start)) || (next >= 0 && isWordUpper(tokens, next) && !hasNewlineBetween(text, t.end, tokens[next].start));
}

/** Token k exists and is an all-caps word of two letters or more. A plain function: a closure here was made per call. */
function isWordUpper(tokens: Token[], k: number): boolean {
  return k >= 0 && k < tokens.length && !(tokens[k].flags & PUNCT) && (tokens[k].flags & UPPER) !== 0 && tokens[k].end - tokens[k].start > 1;
}

function hasNewlineBetween(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** Nodes with more candidates than this (none in the built-in data) sort their hits' candidates each time. */
const MAX_MASKED = 30;
/** Subsets remembered per node ("Syrian army" has two: with and without the capitalised spelling; times its activity keys). */
const MAX_MEMOS = 8;

/** Activity key bit for "no article date" (the target bits are below MAX_MASKED). */
const NO_DATE = 1 << 30;

/**
 * byDate of the node's targets whose bit is set in `mask`, remembered by mask and activity key: a filtered,
 * sorted copy per hit of an ambiguous name ("Syrian army") was a tenth of the matcher's allocations. The order
 * depends on the date only through which dated targets are active and whether there is a date, so the memo
 * holds from article to article (kept for one date only, it was made again for a fifth of the hits on the
 * generated corpus, whose articles have many dates). Hits share the list: read-only.
 */
function datedTargets<E>(node: TrieNode<E>, date: string | null, mask: number): AliasTarget<E>[] {
  const targets = node.targets!;
  if (node.datedFor !== date) {
    node.datedFor = date;
    node.datedKey = activityKey(targets, date);
  }
  const key = node.datedKey;
  if (!node.datedMasks || !node.datedKeys || !node.datedLists) {
    node.datedMasks = [];
    node.datedKeys = [];
    node.datedLists = [];
  }
  const masks = node.datedMasks;
  for (let m = 0; m < masks.length; m++) if (masks[m] === mask && node.datedKeys[m] === key) return node.datedLists[m];
  // An integer all-ones mask (targets.length <= MAX_MASKED < 31): 2 ** n is a float, boxed in unoptimised code.
  const kept = mask === (1 << targets.length) - 1 ? targets : targets.filter((_, k) => (mask & (1 << k)) !== 0);
  const dated = byDate(kept, date);
  if (masks.length < MAX_MEMOS) {
    masks.push(mask);
    node.datedKeys.push(key);
    node.datedLists.push(dated);
  }
  return dated;
}

/** Which of the (at most MAX_MASKED) targets are dated and active at the date, one bit each; NO_DATE without a date. */
function activityKey<E>(targets: AliasTarget<E>[], date: string | null): number {
  let key = date ? 0 : NO_DATE;
  for (let k = 0; k < targets.length; k++) {
    const t = targets[k];
    if ((t.from || t.to) && activeAt(date, t.from, t.to)) key |= 1 << k;
  }
  return key;
}

/** Candidates valid at the date first; undated aliases before those dated for another period. */
function byDate<E>(targets: AliasTarget<E>[], date: string | null): AliasTarget<E>[] {
  if (targets.length < 2) return targets;
  const score = (t: AliasTarget<E>) => {
    const dated = !!(t.from || t.to);
    const active = activeAt(date, t.from, t.to);
    return (t.user ? 0 : 4) + (active ? (dated && date ? 0 : 1) : 2);
  };
  return [...targets].sort((a, b) => score(a) - score(b));
}
