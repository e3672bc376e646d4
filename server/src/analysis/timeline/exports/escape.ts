// Escaping article text for each export format. Article text is untrusted: it must read literally wherever it lands.

/**
 * Markdown (CommonMark and GitHub), for text placed mid-line: backslash-escapes what could form emphasis, code,
 * links, images, HTML, entities or table cells, and breaks bare-URL autolinks. Stays readable in a terminal.
 */
export function escapeMarkdown(text: string): string {
  const line = oneLine(text);
  if (!MARKDOWN_SPECIAL.test(line)) return line;
  return line
    .replace(/[\\`*_{}[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/^[#+\-=]|^(\d{1,9})([.)])/, (m, digits, dot) => (digits ? `${digits}\\${dot}` : `\\${m}`))
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
    .replace(/@/g, '\\@');
}

// Tested first, as most text has nothing to escape or tidy: each replace pass above copies the text, and a
// Markdown timeline of 10,000 articles spent ~2.5 of its 26 s in these two functions.
/** Anything escapeMarkdown's replaces would change (a superset: the full pass then decides). */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]<>|~&@]|:\/\/|www\.|^[#+\-=]|^\d{1,9}[.)]/i;
/** Anything oneLine's replaces or trim would change: control characters, whitespace other than one space between words. */
// eslint-disable-next-line no-control-regex
const NOT_ONE_LINE = /[\u0000-\u001f\u007f]|[^\S ]| {2}|^ | $/;

/** HTML text and attribute values (TimelineJS renders its text fields as HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Collapses line breaks and runs of space, drops control characters. */
export function oneLine(text: string): string {
  if (!NOT_ONE_LINE.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
}

/** A path for citations: the URI relative to the first folder that holds it, decoded, else the URI as given. */
export function citePath(uri: string, relativeTo: string[] = []): string {
  for (const folder of relativeTo) {
    const base = folder.endsWith('/') ? folder : `${folder}/`;
    if (uri.startsWith(base)) return safeDecode(uri.slice(base.length));
  }
  return uri.startsWith('file://') ? safeDecode(uri.slice('file://'.length)) : uri;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
