// What "Add alias…", "Not a place" and "Add as faction…" share: finding the article and folder a code action
// is for, checking an edit command may write, and opening the user file for a jsonc edit (created when
// missing, never overwritten when it has JSON errors).
import * as fs from 'node:fs';
import { CodeActionParams } from 'vscode-languageserver';
import { parseTree, Node, ParseError } from 'jsonc-parser';
import { ServerContext } from '../serverContext';
import { ArticleRecord } from '../articleStore';
import { cannotWrite } from '../workspaceTrust';

/** Formatting of every edit: two spaces, like the files the actions create. */
export const EDIT_FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

export interface ActionTarget {
  record: ArticleRecord;
  folder: string;
  start: number;
  end: number;
}

/** The article, workspace folder and offset range a code action request is for, or null when no action applies. */
export async function actionTarget(params: CodeActionParams, ctx: ServerContext, filePath: (folder: string) => string | null): Promise<ActionTarget | null> {
  const record = await ctx.recordFor(params.textDocument.uri);
  if (!record || !record.isArticle) return null;
  const folder = ctx.workspaceFolders.find((f) => params.textDocument.uri.startsWith(f.endsWith('/') ? f : f + '/')) ?? ctx.workspaceFolders[0];
  if (!folder || !filePath(folder)) return null;
  return { record, folder, start: record.lines.offsetAt(params.range.start), end: record.lines.offsetAt(params.range.end) };
}

/** The user file an edit command may write, or the reason it may not. */
export function writableFile(args: { spelling?: unknown; folder?: unknown } | undefined, ctx: ServerContext, filePath: (folder: string) => string | null): { file: string } | { error: string } {
  if (!args || typeof args.spelling !== 'string' || !args.spelling.trim() || typeof args.folder !== 'string') return { error: 'missing arguments' };
  const refused = cannotWrite(ctx);
  if (refused) return { error: refused };
  const file = filePath(args.folder);
  return file ? { file } : { error: 'the workspace folder is not on disk' };
}

/** The file's text and parse tree (`empty` when missing or blank), or why it must not be edited. */
export function openForEdit(file: string, empty: string): { text: string; root: Node } | { error: string } {
  let text: string;
  try {
    text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : empty;
  } catch (err) {
    return { error: `cannot read ${file}: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!text.trim()) text = empty;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  if (!root || root.type !== 'object' || errors.length) return { error: `${file} has JSON errors: fix them first (nothing was written)` };
  return { text, root };
}
