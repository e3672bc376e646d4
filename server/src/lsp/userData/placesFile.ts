// `.dateline/places.json` in each workspace folder: read, laid over the built-in gazetteer, problems shown as
// diagnostics in that file (the valid entries keep working), re-read when it changes.
import { pathToFileURL } from 'node:url';
import { Connection, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { Knowledge } from '../../analysis';
import { parseUserPlaces, UserPlaces } from '../../analysis/places/userPlaces';
import { withUserPlaces } from '../../analysis/places/mergeUserPlaces';
import { LineIndex } from '../lineIndex';
import { readUserDataFile, userDataFilePath } from './userDataFiles';

/** The file's path in a workspace folder (uri), or null for non-file folders. */
export function placesFilePath(folderUri: string): string | null {
  return userDataFilePath(folderUri, 'places.json');
}

export class UserPlacesState {
  private entries: UserPlaces = { places: [], pins: [], notPlaces: [] };
  private cache: { base: Knowledge; merged: Knowledge } | null = null;
  /** Files that had diagnostics, so they can be cleared when fixed or deleted. */
  private published = new Set<string>();

  private loaded = false;

  constructor(
    private readonly connection: Connection,
    private readonly folders: () => string[],
  ) {}

  /** The knowledge with the user's places laid over `base` (same object until the user files change). */
  apply(base: Knowledge): Knowledge {
    if (!this.loaded) {
      // First use: the workspace folders are known by the time anything is analysed.
      this.loaded = true;
      this.reload(this.folders(), base);
    }
    if (this.cache?.base === base) return this.cache.merged;
    if (this.entries.places.length === 0 && this.entries.pins.length === 0 && this.entries.notPlaces.length === 0) return base;
    const { index } = withUserPlaces(base.places, this.entries);
    this.cache = { base, merged: { ...base, places: index } };
    return this.cache.merged;
  }

  /** The entries in force, as plain data (index workers lay them over their own gazetteer); call apply() first. */
  entriesInUse(): UserPlaces {
    return this.entries;
  }

  /** Re-reads every folder's file; returns true when what applies changed. */
  reload(folders: string[], base: Knowledge): boolean {
    this.loaded = true;
    const before = JSON.stringify(this.entries);
    const all: UserPlaces = { places: [], pins: [], notPlaces: [] };
    const seen = new Set<string>();
    for (const folder of folders) {
      const file = placesFilePath(folder);
      if (!file) continue;
      const uri = pathToFileURL(file).toString();
      const text = readUserDataFile(file);
      if (text === null) {
        this.clear(uri);
        continue;
      }
      const { entries, problems } = parseUserPlaces(text);
      const merged = withUserPlaces(base.places, entries);
      const lines = new LineIndex(text);
      const diagnostics: Diagnostic[] = problems.map((p) => ({
        range: lines.rangeOf(p),
        severity: DiagnosticSeverity.Error,
        source: 'dateline',
        code: 'places-json',
        message: `${p.message} (this entry is ignored; the rest of the file applies)`,
      }));
      for (const p of merged.problems) {
        const quoted = JSON.stringify(p.subject);
        const at = Math.max(0, text.indexOf(quoted));
        diagnostics.push({ range: lines.rangeOf({ start: at, end: at + (at >= 0 ? quoted.length : 1) }), severity: DiagnosticSeverity.Warning, source: 'dateline', code: 'places-json', message: p.message });
      }
      this.publish(uri, diagnostics);
      for (const e of entries.places) {
        // The first folder that defines an id wins in a multi-root workspace.
        if (seen.has(e.id)) continue;
        seen.add(e.id);
        all.places.push(e);
      }
      all.pins.push(...entries.pins);
      all.notPlaces.push(...entries.notPlaces);
    }
    this.entries = all;
    this.cache = null;
    return JSON.stringify(all) !== before;
  }

  private publish(uri: string, diagnostics: Diagnostic[]): void {
    if (diagnostics.length === 0 && !this.published.has(uri)) return;
    if (diagnostics.length) this.published.add(uri);
    else this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  private clear(uri: string): void {
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
