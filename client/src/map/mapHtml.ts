// The map webview's HTML shell: the same strict CSP as the timeline (nonce-only scripts, no remote loads).
import { timelineCsp } from '../timeline/timelineHtml';

export function mapHtml(input: { cspSource: string; nonce: string; scriptUri: string; styleUri: string; title: string }): string {
  const a = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
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
