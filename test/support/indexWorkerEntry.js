// Index worker entry for tests: runs the server's entry point (server/src/main.ts) from source through tsx,
// which then hands over to runIndexWorker as the bundle does in production.
require('tsx/cjs/api').register();
require('../../server/src/main.ts');
