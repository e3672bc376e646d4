// What a workspace view keeps between its builds (the timeline's drafts, the panel's entities per article) is let go
// when the view has not been built for a while: the panel asks again at every change while it is open, so a view
// not asked for this long is closed, and its memory goes to the rest of the server.

/** How long a view may go unasked before what it keeps is let go. */
export const IDLE_MS = 3 * 60_000;

/** Calls `letGo` once `touch` has not been called for `ms` (the timer never keeps the process alive). */
export class IdleRelease {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly letGo: () => void,
    private readonly ms = IDLE_MS,
  ) {}

  /** The view was asked for: the wait starts over. */
  touch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(this.letGo, this.ms);
    this.timer.unref?.();
  }
}
