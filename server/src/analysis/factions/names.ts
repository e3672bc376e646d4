// Name text helpers shared by the factions and sources passes: ids from names, and names as one line.

/** Slugs by name: the same few hundred names ("military source", "Syrian troops") recur in every article. */
const slugCache = new Map<string, string>();
/** Names kept before the cache starts over (memory stays bounded on any input). */
const MAX_CACHED_SLUGS = 4096;

/** Lowercase ASCII id part of a name: accents dropped, other runs of characters become one hyphen. */
export function slug(s: string): string {
  let out = slugCache.get(s);
  if (out !== undefined) return out;
  out = slugOf(s);
  if (slugCache.size >= MAX_CACHED_SLUGS) slugCache.clear();
  slugCache.set(s, out);
  return out;
}

/** Ids by prefix and name ("unnamed:" + slug): the same names recur, and each id was a new string per mention. */
const idCaches = new Map<string, Map<string, string>>();

/** `${prefix}${slug(name)}`, memoised (bounded, like the slugs). */
export function slugId(prefix: string, name: string): string {
  let ids = idCaches.get(prefix);
  if (!ids) {
    ids = new Map();
    idCaches.set(prefix, ids);
  }
  let id = ids.get(name);
  if (id !== undefined) return id;
  id = prefix + slug(name);
  if (ids.size >= MAX_CACHED_SLUGS) ids.clear();
  ids.set(name, id);
  return id;
}

function slugOf(s: string): string {
  // Plain ASCII names (nearly all): one loop, no regex; anything else takes the Unicode path below.
  codes.length = 0;
  let pendingHyphen = false;
  for (let i = 0; i < s.length && codes.length < MAX_SLUG; i++) {
    let c = s.charCodeAt(i);
    if (c >= 128) return unicodeSlug(s);
    if (c >= 65 && c <= 90) c |= 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (pendingHyphen && codes.length) codes.push(45);
      pendingHyphen = false;
      if (codes.length < MAX_SLUG) codes.push(c);
    } else pendingHyphen = true;
  }
  // The rest (past the 80 kept characters) may still hold a non-ASCII character: the Unicode path decides then.
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return unicodeSlug(s);
  return String.fromCharCode.apply(null, codes);
}

/** Longest slug. */
const MAX_SLUG = 80;
const codes: number[] = [];

function unicodeSlug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** The text with each run of whitespace as one space (what .replace(/\s+/g, ' ') gives), without a regex for plain text. */
export function oneLine(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Printable ASCII and single spaces are already right; anything else goes through the regex.
    if (c > 32 && c < 127) continue;
    if (c === 32 && i + 1 < s.length && s.charCodeAt(i + 1) > 32 && s.charCodeAt(i + 1) < 127) continue;
    if (c === 32 && i + 1 === s.length) continue;
    return s.replace(/\s+/g, ' ');
  }
  return s;
}
