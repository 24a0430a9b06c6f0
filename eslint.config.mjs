import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/*
 * The direction of every arrow between the top-level folders, checked on relative and "@/" imports
 * alike (import/no-restricted-paths resolves both to files):
 *
 *   app     -> server, content, sandbox, lib
 *   server  -> content, lib
 *   content -> lib
 *   sandbox -> lib
 *   lib     -> nothing of ours (type-only imports of Prisma's row types aside)
 *
 * lib/ is the pure core, shared by the browser, the workers, Node and the judge; content/ is data
 * validated by lib/; sandbox/ runs in the browser's sandboxed frame; server/ holds every effect.
 */
const folders = ['lib', 'content', 'sandbox', 'server', 'app'];
const mayImport = { lib: [], content: ['lib'], sandbox: ['lib'], server: ['content', 'lib'] };
const why = {
  lib: 'lib/ is the pure core: server/, app/, content/ and sandbox/ build on it, never the other way (lib/ validates content it is handed; it does not load it).',
  content: 'content/ is data: it may use lib/ to validate itself, nothing else of ours.',
  sandbox: 'sandbox/ runs in the browser’s sandboxed frame: it may import lib/ only.',
  server: 'server/ holds the effects: it uses lib/ and loads content/, and never imports the UI (app/) or the sandboxes, which it builds from their files.',
};
const zones = Object.entries(mayImport).map(([target, allowed]) => ({
  target: `./${target}`,
  from: folders.filter((folder) => folder !== target && !allowed.includes(folder)).map((folder) => `./${folder}`),
  message: why[target],
}));

const pureCoreMessage = 'lib/ is the pure core shared by the browser, workers, Node and the judge: no React, Next, Prisma values, fs or network here. Effects belong in server/.';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', 'next-env.d.ts', 'data/**', 'test-results/**']),
  {
    files: ['{lib,content,sandbox,server}/**/*.{ts,tsx,mts,js,mjs}'],
    rules: { 'import/no-restricted-paths': ['error', { zones }] },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      // No Prisma in lib/, not even its types: the pure core stands without the database's generated client.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@prisma/client', message: pureCoreMessage },
            ...['react', 'react-dom', 'next', 'fs', 'node:fs', 'node:fs/promises', 'fs/promises', 'node:child_process', 'node:net', 'node:http'].map((name) => ({ name, message: pureCoreMessage })),
          ],
          patterns: [{ group: ['next/*', 'react/*', 'react-dom/*', '@prisma/*'], message: pureCoreMessage }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'window', message: pureCoreMessage }, { name: 'document', message: pureCoreMessage }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // One typed client: a page that fetched the API itself would restate the contract's types with casts.
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/ui/api-client.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "CallExpression[callee.name='fetch'] > Literal.arguments:first-child[value=/^\\x2Fapi\\x2F(?!auth)/]",
          "CallExpression[callee.name='fetch'] > TemplateLiteral.arguments:first-child > TemplateElement:first-child[value.raw=/^\\x2Fapi\\x2F(?!auth)/]",
        ].map((selector) => ({ selector, message: 'Call the site API through app/ui/api-client.ts (better-auth’s /api/auth is its own client).' })),
      ],
    },
  },
  {
    // A starter's parameters are the learner's to use; unused ones are the point, not a mistake.
    files: ['content/exercises/*/starter.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
]);
