// A location sent back by a webview (timeline or map), checked field by field: webviews are not trusted.
// No vscode import: the webview bundles share the message modules that use this.
import type { Location } from '../../server/src/protocol';

/** The location when it has a string uri and numeric range ends, else null. */
export function locationFrom(raw: unknown): Location | null {
  const loc = raw as Location | undefined;
  const ok = !!loc && typeof loc === 'object' && typeof loc.uri === 'string' && !!loc.range && typeof loc.range.start?.line === 'number' && typeof loc.range.start?.character === 'number' && typeof loc.range.end?.line === 'number' && typeof loc.range.end?.character === 'number';
  return ok ? loc : null;
}
