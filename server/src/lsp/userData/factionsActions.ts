// "Add as faction…" on an actor phrase the dictionary lacks ("Iranian-backed militias") or on selected text
// ("3rd Assault Brigade"): asks the kind, then adds an entry to `.dateline/factions.json`. The file is edited
// in place (unknown fields, comments and formatting kept) and replaced atomically; a file with JSON errors is
// never overwritten.
import { CodeAction, CodeActionKind, CodeActionParams, ExecuteCommandParams } from 'vscode-languageserver';
import { applyEdits, findNodeAtLocation, modify } from 'jsonc-parser';
import { FactionKind, FactionMention } from '../../analysis';
import { slug } from '../../analysis/factions/actorPhrases';
import { focusCountry } from '../../analysis/factions/coreference';
import { FactionEditArgs, FactionEditCommand } from '../../protocol';
import { writeFileAtomically } from '../../io/atomicJson';
import { ServerContext } from '../serverContext';
import { factionsFilePath } from './factionsFile';
import { actionTarget, EDIT_FORMAT as FORMAT, openForEdit, writableFile } from './userDataEdits';

// No "$schema" URL: the editor finds the schema by file name (jsonValidation) and must not fetch anything.
const EMPTY = '{\n  "factions": []\n}\n';
const KINDS: { title: string; kind: FactionKind }[] = [
  { title: 'Armed group', kind: 'armed-group' },
  { title: 'Militia', kind: 'militia' },
  { title: 'State forces', kind: 'state' },
  { title: 'Coalition', kind: 'coalition' },
  { title: 'Political body', kind: 'political' },
];

/** "Add as faction…" for actor phrases under the range, or for the selected words. */
export async function factionCodeActions(params: CodeActionParams, ctx: ServerContext): Promise<CodeAction[]> {
  const target = await actionTarget(params, ctx, factionsFilePath);
  if (!target) return [];
  const { record, folder, start, end } = target;
  const a = record.analysis;
  const factions = a.mentions.filter((m): m is FactionMention => m.kind === 'faction');
  const country = focusCountry(a.sentences, factions, a.mentions.filter((m) => m.kind === 'place') as never);
  const action = (spelling: string): CodeAction => {
    const args: FactionEditArgs = { folder, spelling, country };
    const title = `Add “${spelling}” as faction…`;
    return { title, kind: CodeActionKind.QuickFix, command: { title, command: FactionEditCommand, arguments: [args] } };
  };
  const out: CodeAction[] = [];
  for (const m of factions) {
    if (m.end < start || m.start > end || !m.id.startsWith('actor:')) continue;
    out.push(action(m.text));
  }
  const selected = record.text.slice(start, end).trim();
  const covered = factions.some((m) => m.start <= start && m.end >= end && !m.id.startsWith('actor:'));
  if (!out.length && !covered && selected.length >= 2 && selected.length <= 80 && !/[\r\n]/.test(selected) && /\p{Lu}|\d/u.test(selected)) out.push(action(selected));
  return out;
}

/** Runs FactionEditCommand: asks the kind, writes the file, re-reads it. Returns an error message or null. */
export async function executeFactionEdit(params: ExecuteCommandParams, ctx: ServerContext, reload: () => void): Promise<string | null> {
  const args = params.arguments?.[0] as FactionEditArgs | undefined;
  const target = writableFile(args, ctx, factionsFilePath);
  if ('error' in target) return target.error;
  if (!args) return 'missing arguments';
  const file = target.file;
  const choice = await ctx.connection.window.showInformationMessage(`Dateline: what kind of actor is “${args.spelling.trim()}”?`, ...KINDS.map((k) => ({ title: k.title })));
  const kind = KINDS.find((k) => k.title === choice?.title)?.kind;
  if (!kind) return null; // cancelled
  const known = new Set(ctx.knowledge().factions.byId.keys());
  const error = addFaction(file, args.spelling.trim(), kind, args.country, known);
  if (!error) reload();
  return error;
}

/** Adds one faction (or the spelling as an alias of the user entry with that id); never clobbers a broken file. */
export function addFaction(file: string, spelling: string, kind: FactionKind, country: string | null, knownIds: ReadonlySet<string>): string | null {
  const opened = openForEdit(file, EMPTY);
  if ('error' in opened) return opened.error;
  const { text, root } = opened;
  const list = findNodeAtLocation(root, ['factions']);
  const entries = list?.type === 'array' ? (list.children ?? []) : [];
  const base = slug(spelling) || 'faction';
  const at = entries.findIndex((e) => e.type === 'object' && findNodeAtLocation(e, ['id'])?.value === base);
  let edits;
  if (at >= 0) {
    const aliases = findNodeAtLocation(entries[at], ['aliases']);
    const names: unknown[] = aliases?.type === 'array' ? (aliases.children ?? []).map((c) => c.value) : [];
    if (names.includes(spelling)) return null;
    edits = modify(text, ['factions', at, 'aliases'], [...names, spelling], FORMAT);
  } else {
    // A built-in id would be replaced by the user's entry: pick a fresh one instead.
    const id = knownIds.has(base) ? `user-${base}`.slice(0, 64) : base;
    const entry = { id, name: spelling, kind, country, aliases: [spelling] };
    edits = list?.type === 'array' ? modify(text, ['factions', -1], entry, { ...FORMAT, isArrayInsertion: true }) : modify(text, ['factions'], [entry], FORMAT);
  }
  return writeFileAtomically(file, applyEdits(text, edits));
}
