// Escaping article text for each export format. Article text is untrusted: it must read literally wherever it lands.

/**
 * Markdown (CommonMark and GitHub), for text placed mid-line: backslash-escapes what could form emphasis, code,
 * links, images, HTML, entities or table cells, and breaks bare-URL autolinks. Stays readable in a terminal.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_{}[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/^[#+\-=]|^(\d{1,9})([.)])/, (m, digits, dot) => (digits ? `${digits}\\${dot}` : `\\${m}`))
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
    .replace(/@/g, '\\@');
}

/** HTML text and attribute values (TimelineJS renders its text fields as HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Collapses line breaks and runs of space, drops control characters. */
export function oneLine(text: string): string {
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
