// Finds an entity's entry in the user's own dictionaries (.dateline/places.json, .dateline/factions.json) so that
// Go to definition can land on what the user wrote. Read on demand: these files are small and rarely consulted.
import { pathToFileURL } from 'node:url';
import { Location } from 'vscode-languageserver';
import { LineIndex } from '../lineIndex';
import { ServerContext } from '../serverContext';
import { UserEntryLocator } from './definitionHandler';
import { readUserDataFile, userDataFilePath } from '../userData/userDataFiles';

const FILES: Record<string, string> = { place: 'places.json', faction: 'factions.json', source: 'factions.json' };

export function userEntryLocator(ctx: ServerContext): UserEntryLocator {
  return (kind, id) => {
    const name = FILES[kind];
    if (!name || !id) return null;
    for (const folder of ctx.workspaceFolders) {
      const file = userDataFilePath(folder, name);
      const text = file ? readUserDataFile(file) : null;
      if (text === null) continue;
      const quoted = JSON.stringify(id);
      // The entry's own "id" first; else any place the id is named (an alias or pin pointing at a built-in entry).
      const own = new RegExp(`"id"\\s{0,20}:\\s{0,20}${escapeRegExp(quoted)}`).exec(text);
      const at = own ? own.index + own[0].length - quoted.length : text.indexOf(quoted);
      if (at < 0) continue;
      const lines = new LineIndex(text);
      return { uri: pathToFileURL(file!).toString(), range: lines.rangeOf({ start: at + 1, end: at + quoted.length - 1 }) } satisfies Location;
    }
    return null;
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
