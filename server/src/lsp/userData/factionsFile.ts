// `.dateline/factions.json` in each workspace folder: read, merged over the built-in factions dictionary,
// problems shown as diagnostics in that file (valid entries keep working), re-read when it changes.
import { pathToFileURL } from 'node:url';
import { Connection, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { Knowledge } from '../../analysis';
import { emptyDictionary, FactionDictionary } from '../../analysis/factions/dictionary';
import { parseUserFactions } from '../../analysis/factions/userFactions';
import { builtInFactionDictionary, loadFactionIndex } from '../../knowledge/loadFactions';
import { LineIndex } from '../lineIndex';
import { readUserDataFile, userDataFilePath } from './userDataFiles';

/** The file's path in a workspace folder (uri), or null for non-file folders. */
export function factionsFilePath(folderUri: string): string | null {
  return userDataFilePath(folderUri, 'factions.json');
}

export class UserFactionsState {
  private user: FactionDictionary = emptyDictionary();
  private json = '';
  private loaded = false;
  private index: Knowledge['factions'] | null = null;
  private cache: { base: Knowledge; merged: Knowledge } | null = null;
  /** Files that had diagnostics, so they can be cleared when fixed or deleted. */
  private readonly published = new Set<string>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();

  constructor(
    private readonly connection: Connection,
    private readonly folders: () => string[],
  ) {}

  /** `base` with the user's factions merged over the built-in dictionary (same object until the files change). */
  apply(base: Knowledge): Knowledge {
    if (!this.loaded) this.reload(this.folders());
    if (!this.user.factions.length && !this.user.sources.length && !Object.keys(this.user.countries).length) return base;
    if (this.cache?.base === base) return this.cache.merged;
    this.index ??= loadFactionIndex(this.user);
    this.cache = { base, merged: { ...base, factions: this.index } };
    return this.cache.merged;
  }

  /** The user's dictionary in force, as plain data (index workers merge it themselves); call apply() first. */
  dictionaryInUse(): FactionDictionary {
    return this.user;
  }

  /** Re-reads every folder's file; returns true when what applies changed. */
  reload(folders: string[]): boolean {
    this.loaded = true;
    const known = new Set(builtInFactionDictionary().dictionary.factions.map((f) => f.id));
    const all = emptyDictionary();
    const seen = new Set<string>();
    for (const folder of folders) {
      const file = factionsFilePath(folder);
      if (!file) continue;
      const uri = pathToFileURL(file).toString();
      const text = readUserDataFile(file);
      if (text === null) {
        this.publish(uri, []);
        continue;
      }
      const { dictionary, problems } = parseUserFactions(text, known);
      const lines = new LineIndex(text);
      this.publish(
        uri,
        problems.map((p) => ({ range: lines.rangeOf(p), severity: DiagnosticSeverity.Error, source: 'dateline', code: 'factions-json', message: `${p.message} (this entry is ignored; the rest of the file applies)` })),
      );
      // The first folder that defines an id wins in a multi-root workspace.
      for (const f of dictionary.factions) if (!seen.has(f.id) && seen.add(f.id)) all.factions.push(f);
      all.sources.push(...dictionary.sources);
      Object.assign(all.countries, dictionary.countries);
    }
    const json = JSON.stringify(all);
    const changed = json !== this.json;
    this.user = all;
    this.json = json;
    if (changed) {
      this.index = null;
      this.cache = null;
    }
    return changed;
  }

  /** Current diagnostics of a user file (re-sent when something else cleared them). */
  diagnosticsFor(uri: string): Diagnostic[] | undefined {
    return this.diagnostics.get(uri);
  }

  private publish(uri: string, diagnostics: Diagnostic[]): void {
    if (diagnostics.length === 0 && !this.published.has(uri)) return;
    if (diagnostics.length) {
      this.published.add(uri);
      this.diagnostics.set(uri, diagnostics);
    } else {
      this.published.delete(uri);
      this.diagnostics.delete(uri);
    }
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }
}
