// The language server's bundle (dist/server-main.js, loaded by serverEntry.ts): `node dist/server.js --stdio`
// (any editor) or over IPC (VS Code).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';
import { isIndexWorker, runIndexWorker } from './lsp/index/indexWorkers';
import { isOpenAnalysisWorker, runOpenAnalysisWorker } from './lsp/openAnalysis/openAnalysisWorker';

// The same bundle runs the background index's worker threads (lsp/index/indexWorkers.ts) and the one that
// analyses large open documents (lsp/openAnalysis/openAnalysisWorker.ts).
if (isIndexWorker()) runIndexWorker();
else if (isOpenAnalysisWorker()) runOpenAnalysisWorker();
else startServer(createConnection(ProposedFeatures.all));
