// The language server's entry point, dist/server.js: the server bundle (dist/server-main.js, built from
// main.ts) compiled with a code cache from earlier starts, which saves ~70 ms CPU of a cold start.
import * as path from 'node:path';
import { loadWithCodeCache } from './codeCache';
import { limitHeapGrowth } from './heapGrowth';

// Before the cache is read: V8 accepts a code cache only under the flags it was made with, and one made after
// a flag changed was rejected at every later start (cold start ~410 ms instead of ~250).
limitHeapGrowth();
loadWithCodeCache(path.join(__dirname, 'server-main.js'));
