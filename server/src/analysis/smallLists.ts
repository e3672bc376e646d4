// In-place helpers for the short lists the stages keep per sentence (claim triggers, tolls, mention entries, sources):
// they allocate nothing, where the built-ins they stand for allocate or call into the runtime.

/**
 * `list` cut to its first `count` entries, in place. pop() rather than setting the length: the length setter
 * is a call into the runtime (2 % of the stage where lists were cut that way), pop() is compiled inline and
 * keeps the list's storage for the next sentence.
 */
export function cut<T>(list: T[], count: number): T[] {
  while (list.length > count) list.pop();
  return list;
}

/** Longer lists go to the built-in sort (an insertion sort's work grows with the square of the length). */
const SHORT = 32;

/**
 * `list` sorted in place by `compare`, stably: the order Array.prototype.sort gives, without the copy it makes
 * of every list it sorts (a twentieth of the stage's bytes on FA-KES, for lists of two or three).
 */
export function sortShort<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  const n = list.length;
  if (n > SHORT) return list.sort(compare);
  for (let i = 1; i < n; i++) {
    const x = list[i];
    let j = i - 1;
    while (j >= 0 && compare(list[j], x) > 0) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = x;
  }
  return list;
}
