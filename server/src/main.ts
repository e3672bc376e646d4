// The language server's entry point: `node dist/server.js --stdio` (any editor) or over IPC (VS Code).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';
import { isIndexWorker, runIndexWorker } from './lsp/index/indexWorkers';
import { limitHeapGrowth } from './heapGrowth';

// The same bundle runs the background index's worker threads (lsp/index/indexWorkers.ts).
if (isIndexWorker()) runIndexWorker();
else {
  // Process-wide: the index workers started later take it too.
  limitHeapGrowth();
  startServer(createConnection(ProposedFeatures.all));
}
