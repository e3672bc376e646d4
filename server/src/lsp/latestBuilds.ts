// Builds of what a scope shows (the timeline, the map, Ctrl+T's index), kept per key until the store changes, made
// one at a time.
import { SerialJobs } from './serialJobs';

interface Build<T> {
  /** The store version the build read when it started (-1 until then). */
  version: number;
  started: boolean;
  value: Promise<T>;
}

/** Reports the store version a build has read, when it starts reading. */
export type Started = (version: number) => void;

export class LatestBuilds<T> {
  private readonly builds = new Map<string, Build<T>>();
  private readonly jobs = new SerialJobs();

  /** Forgets every build (what they read changed without a new store version: the conflicts caught up). */
  clear(): void {
    this.builds.clear();
  }

  /**
   * The build of `key` for this store version or a later one: the one made or under way when it read this
   * version or a later one, else one waiting its turn (shared by every ask made while it waits), else a new one queued behind
   * the build under way. `make` reads the store when it starts and says which version it read.
   */
  get(key: string, version: number, make: (started: Started) => Promise<T>): Promise<T> {
    const entry = this.builds.get(key);
    if (entry && (!entry.started || entry.version >= version)) return entry.value;
    // Builds of an older store are never read again (a workspace timeline holds ~180,000 events).
    for (const [k, b] of this.builds) if (b.started && b.version < version) this.builds.delete(k);
    const made: Build<T> = {
      version: -1,
      started: false,
      value: this.jobs.queue(() =>
        make((read) => {
          made.version = read;
          made.started = true;
        }),
      ),
    };
    this.builds.set(key, made);
    // A failed build fails the requests waiting on it, not the next ones.
    made.value.catch(() => this.builds.get(key) === made && this.builds.delete(key));
    return made.value;
  }
}
