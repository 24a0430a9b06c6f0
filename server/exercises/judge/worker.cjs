// Entry of a judge worker thread (see ./pool.ts). Node cannot load TypeScript in a worker by
// itself, and the Next server bundle does not contain this file, so sucrase's require hook compiles
// the worker's modules from source as they load. They use relative imports only (no "@/").
/* eslint-disable @typescript-eslint/no-require-imports -- the hook works through CommonJS require */
require('sucrase/register/ts');
require('./worker-main.ts');
