// Code actions on a place mention, written to `.dateline/places.json`: "Add alias" (this spelling belongs to
// this place), "This is a different place" (pin the spelling to another candidate) and "Not a place".
// The file is edited in place (unknown fields and formatting kept) and replaced atomically.
import { writeFileAtomically } from '../../io/atomicJson';
import { CodeAction, CodeActionKind, CodeActionParams, ExecuteCommandParams } from 'vscode-languageserver';
import { applyEdits, modify, findNodeAtLocation } from 'jsonc-parser';
import { PlaceMention } from '../../analysis';
import { placeAt, placeIndexOf } from '../../analysis/places/placeIndex';
import { featureWord } from '../../analysis/places/resolvePlace';
import { PlaceEditArgs, PlaceEditCommand } from '../../protocol';
import { ServerContext } from '../serverContext';
import { placesFilePath } from './placesFile';
import { actionTarget, EDIT_FORMAT as FORMAT, openForEdit, writableFile } from './userDataEdits';

const EMPTY = '{\n  "places": [],\n  "pins": {},\n  "notPlaces": []\n}\n';

/** The place code actions for the mentions under the range. */
export async function placeCodeActions(params: CodeActionParams, ctx: ServerContext): Promise<CodeAction[]> {
  const target = await actionTarget(params, ctx, placesFilePath);
  if (!target) return [];
  const { record, folder, start, end } = target;
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
  const target = writableFile(args, ctx, placesFilePath);
  if ('error' in target) return target.error;
  const error = editPlacesFile(target.file, args as PlaceEditArgs);
  if (!error) reload();
  return error;
}

/** Applies one edit to the file (created when missing); never clobbers a file it cannot parse. */
export function editPlacesFile(file: string, args: PlaceEditArgs): string | null {
  const opened = openForEdit(file, EMPTY);
  if ('error' in opened) return opened.error;
  const { text, root } = opened;
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
