// The timeline webview's HTML shell: a strict Content-Security-Policy (nothing remote, scripts only with the nonce,
// styles only from the extension), the bundled stylesheet and script, and an empty #app the script fills in.
// No vscode import: tested as a plain function.

export interface TimelineHtmlInput {
  /** webview.cspSource */
  cspSource: string;
  /** Fresh per load: 128 random bits, base64. */
  nonce: string;
  /** webview.asWebviewUri of dist/media/timeline.js and .css */
  scriptUri: string;
  styleUri: string;
  title: string;
}

/** The Content-Security-Policy of the panel. */
export function timelineCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function timelineHtml(input: TimelineHtmlInput): string {
  const a = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(timelineCsp(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a(input.styleUri)}">
<title>${a(input.title)}</title>
</head>
<body>
<main id="app" aria-label="${a(input.title)}"></main>
<script nonce="${a(input.nonce)}" src="${a(input.scriptUri)}"></script>
</body>
</html>`;
}

function escapeAttribute(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
