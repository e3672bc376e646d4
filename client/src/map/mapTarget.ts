// What "Show map" was asked to show: the command runs from the palette (no argument), the timeline
// ({ scope, uri, placeId }), a Places tree item (an EntityNode) or a place hover's link ({ placeId, uri }).
// Pure (no vscode import) so the unit tests can feed it every shape, including junk.
import type { Scope } from '../../../server/src/protocol';

export interface MapTarget {
  scope: Scope;
  uri: string | undefined;
  placeId: string | null;
}

/** The map to open for a command argument, or null when the user should be asked (no usable argument). */
export function mapTarget(arg: unknown, active: string | undefined): MapTarget | null {
  if (arg === 'workspace' || arg === 'article') return { scope: arg, uri: active, placeId: null };
  if (!arg || typeof arg !== 'object') return null;
  const a = arg as Record<string, unknown>;
  // A Places tree item: the place (entity or one of its mentions) selected on the workspace map.
  const entity = a.entity as Record<string, unknown> | null | undefined;
  if (entity && typeof entity === 'object' && 'role' in a) {
    return entity.kind === 'place' && isId(entity.id) ? { scope: 'workspace', uri: active, placeId: entity.id } : null;
  }
  const scope = a.scope === 'article' || a.scope === 'workspace' ? a.scope : null;
  const placeId = isId(a.placeId) ? a.placeId : null;
  if (!scope && !placeId) return null;
  return { scope: scope ?? 'workspace', uri: typeof a.uri === 'string' ? a.uri : active, placeId };
}

function isId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= 200;
}

/** The command every "Show on map" link may run, and the only one its hover enables. */
export const SHOW_MAP_COMMAND = 'dateline.showMap';

/**
 * The place hover's "Show on map" link, built from the server's place id alone (never from article text).
 * The argument is JSON, URI-encoded, with the characters Markdown would read as link syntax encoded too.
 */
export function showOnMapMarkdown(placeId: string): string {
  const args = encodeURIComponent(JSON.stringify([{ placeId }])).replace(/[()'!*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[$(globe) Show on map](command:${SHOW_MAP_COMMAND}?${args} "Select this place on the map")`;
}
