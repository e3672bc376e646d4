// The language server's bundle (dist/server-main.js, loaded by serverEntry.ts): `node dist/server.js --stdio`
// (any editor) or over IPC (VS Code).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';
import { isIndexWorker, runIndexWorker } from './lsp/index/indexWorkers';

// The same bundle runs the background index's worker threads (lsp/index/indexWorkers.ts).
if (isIndexWorker()) runIndexWorker();
else startServer(createConnection(ProposedFeatures.all));
