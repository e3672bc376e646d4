// The language server's entry point, dist/server.js: the server bundle (dist/server-main.js, built from
// main.ts) compiled with a code cache from earlier starts, which saves ~70 ms CPU of a cold start.
import * as path from 'node:path';
import { loadWithCodeCache } from './codeCache';

loadWithCodeCache(path.join(__dirname, 'server-main.js'));
