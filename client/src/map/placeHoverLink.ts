// Adds "Show on map" under a place's hover. The server says which place the hover is about (dateline/placeAt);
// the link is a separate Markdown block, trusted for dateline.showMap only, so the hover's own Markdown (article
// text) stays untrusted and any command link in it stays dead.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { PlaceAtParams, PlaceAtRequest, PlaceAtResult } from '../../../server/src/protocol';
import { SHOW_MAP_COMMAND, showOnMapMarkdown } from './mapTarget';

/** The hover with a "Show on map" link appended when it is about a place; unchanged otherwise. */
export async function withShowOnMap(client: LanguageClient, hover: vscode.Hover, document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover> {
  let place: PlaceAtResult = null;
  try {
    const params: PlaceAtParams = { textDocument: { uri: document.uri.toString() }, position: { line: position.line, character: position.character } };
    place = await client.sendRequest<PlaceAtResult>(PlaceAtRequest, params, token);
  } catch {
    return hover; // an older server, a cancelled request: the hover without the link
  }
  if (!place || typeof place.placeId !== 'string' || token.isCancellationRequested) return hover;
  const link = new vscode.MarkdownString(showOnMapMarkdown(place.placeId), true);
  link.isTrusted = { enabledCommands: [SHOW_MAP_COMMAND] };
  return new vscode.Hover([...hover.contents, link], hover.range);
}
