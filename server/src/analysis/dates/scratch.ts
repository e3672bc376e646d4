// Arrays the tagger reuses from window to window instead of making a fresh one each time: an empty []
// grows a 16-slot store on its first push, and most windows hold one or two dates.

/** Writes item at out[n] of a reused array (overwritten, or grown at its end); the new count. */
export function put<T>(out: T[], n: number, item: T): number {
  if (n < out.length) out[n] = item;
  else out.push(item);
  return n + 1;
}
