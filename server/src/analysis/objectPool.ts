// Objects reused from one call (sentence, article) to the next by the hot passes (date tokens, faction hits,
// source candidates): an object per token, hit or candidate, most of them dropped at once, was a large share
// of the stages' allocation (and of the index workers' garbage collection).

/** A pool of reusable objects: reset() frees them all, so objects handed out before must no longer be read. */
export class ObjectPool<T> {
  private readonly items: T[] = [];
  private used = 0;

  /** `max`: objects beyond this many are not kept (a huge text must not pin its objects for good). */
  constructor(private readonly max: number) {}

  reset(): void {
    this.used = 0;
  }

  /** The next free object to overwrite, or null: then make a new one and keep() it. */
  reuse(): T | null {
    return this.used < this.items.length ? this.items[this.used++] : null;
  }

  /** Takes a new object into the pool (while there is room) as handed out; returns it. */
  keep(item: T): T {
    if (this.items.length < this.max) {
      this.items.push(item);
      this.used++;
    }
    return item;
  }
}
