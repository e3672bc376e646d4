// Code actions on a place mention, written to `.dateline/places.json`: "Add alias" (this spelling belongs to
// this place), "This is a different place" (pin the spelling to another candidate) and "Not a place".
// The file is edited in place (unknown fields and formatting kept) and replaced atomically.
import { writeFileAtomically } from '../../io/atomicJson';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeAction, CodeActionKind, CodeActionParams, ExecuteCommandParams } from 'vscode-languageserver';
import { applyEdits, modify, parseTree, findNodeAtLocation, ParseError } from 'jsonc-parser';
import { PlaceMention } from '../../analysis';
import { placeAt, placeIndexOf } from '../../analysis/places/placeIndex';
import { featureWord } from '../../analysis/places/resolvePlace';
import { PlaceEditArgs, PlaceEditCommand } from '../../protocol';
import { ServerContext } from '../serverContext';
import { cannotWrite } from '../workspaceTrust';
import { placesFilePath } from './placesFile';

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };
const EMPTY = '{\n  "places": [],\n  "pins": {},\n  "notPlaces": []\n}\n';

/** The place code actions for the mentions under the range. */
export async function placeCodeActions(params: CodeActionParams, ctx: ServerContext): Promise<CodeAction[]> {
  const record = await ctx.recordFor(params.textDocument.uri);
  if (!record || !record.isArticle) return [];
  const folder = ctx.workspaceFolders.find((f) => params.textDocument.uri.startsWith(f.endsWith('/') ? f : f + '/')) ?? ctx.workspaceFolders[0];
  if (!folder || !placesFilePath(folder)) return [];
  const start = record.lines.offsetAt(params.range.start);
  const end = record.lines.offsetAt(params.range.end);
  const out: CodeAction[] = [];
  const places = ctx.knowledge().places;
  for (const m of record.analysis.mentions) {
    if (m.kind !== 'place' || m.end < start || m.start > end) continue;
    const action = (title: string, args: PlaceEditArgs): CodeAction => ({ title, kind: CodeActionKind.QuickFix, command: { title, command: PlaceEditCommand, arguments: [args] } });
    out.push(action(`Add alias “${m.text}” to ${m.name} (.dateline/places.json)`, { folder, action: 'alias', spelling: m.text, id: m.id }));
    for (const id of (m as PlaceMention).alternatives.slice(0, 4)) {
      const i = placeIndexOf(places, id);
      if (i < 0) continue;
      const p = placeAt(places, i);
      const where = [p.admin1, p.countryName].filter(Boolean).join(', ');
      out.push(action(`This is a different place: ${p.name} (${featureWord(p.feature)}${where ? `, ${where}` : ''})`, { folder, action: 'pin', spelling: m.text, id }));
    }
    out.push(action(`“${m.text}” is not a place (.dateline/places.json)`, { folder, action: 'notPlace', spelling: m.text }));
  }
  return out;
}

/** Runs PlaceEditCommand; `reload` re-reads the user files and re-analyses. Returns an error message or null. */
export function executePlaceEdit(params: ExecuteCommandParams, ctx: ServerContext, reload: () => void): string | null {
  const args = params.arguments?.[0] as PlaceEditArgs | undefined;
  if (!args || typeof args.spelling !== 'string' || !args.spelling.trim() || typeof args.folder !== 'string') return 'missing arguments';
  const refused = cannotWrite(ctx);
  if (refused) return refused;
  const file = placesFilePath(args.folder);
  if (!file) return 'the workspace folder is not on disk';
  const error = editPlacesFile(file, args);
  if (!error) reload();
  return error;
}

/** Applies one edit to the file (created when missing); never clobbers a file it cannot parse. */
export function editPlacesFile(file: string, args: PlaceEditArgs): string | null {
  let text: string;
  try {
    text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : EMPTY;
  } catch (err) {
    return `cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (!text.trim()) text = EMPTY;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  if (!root || root.type !== 'object' || errors.length) return `${file} has JSON errors: fix them first (nothing was written)`;
  const spelling = args.spelling.trim();
  let edits;
  if (args.action === 'pin') {
    if (!args.id) return 'no place given';
    edits = modify(text, ['pins', spelling], args.id, FORMAT);
  } else if (args.action === 'notPlace') {
    const list = findNodeAtLocation(root, ['notPlaces']);
    if (list?.type === 'array' && list.children?.some((c) => c.value === spelling)) return null;
    edits = list?.type === 'array' ? modify(text, ['notPlaces', -1], spelling, { ...FORMAT, isArrayInsertion: true }) : modify(text, ['notPlaces'], [spelling], FORMAT);
  } else {
    if (!args.id) return 'no place given';
    const places = findNodeAtLocation(root, ['places']);
    const entries = places?.type === 'array' ? (places.children ?? []) : [];
    const at = entries.findIndex((e) => e.type === 'object' && findNodeAtLocation(e, ['id'])?.value === args.id);
    if (at >= 0) {
      const aliases = findNodeAtLocation(entries[at], ['aliases']);
      const list: unknown[] = aliases?.type === 'array' ? (aliases.children ?? []).map((c) => c.value) : [];
      if (list.includes(spelling)) return null;
      edits = modify(text, ['places', at, 'aliases'], [...list, spelling], FORMAT);
    } else if (places?.type === 'array') {
      edits = modify(text, ['places', -1], { id: args.id, aliases: [spelling] }, { ...FORMAT, isArrayInsertion: true });
    } else {
      edits = modify(text, ['places'], [{ id: args.id, aliases: [spelling] }], FORMAT);
    }
  }
  return writeFileAtomically(file, applyEdits(text, edits));
}
