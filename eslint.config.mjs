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
const zone = (target, from, why) => ({ target, from, message: why });
const zones = [
  zone('./lib', './server', 'lib/ is the pure core: effects live in server/, which calls lib/, never the other way.'),
  zone('./lib', './app', 'lib/ is the pure core: the UI in app/ calls lib/, never the other way.'),
  zone('./lib', './content', 'lib/ is the pure core: it validates content/ that it is handed, and does not load it (server/ and content/ do).'),
  zone('./lib', './sandbox', 'lib/ is the pure core: sandbox/ entry points are built on lib/, never the other way.'),
  zone('./content', './server', 'content/ is data: it may use lib/ to validate itself, never server/.'),
  zone('./content', './app', 'content/ is data: it may use lib/ to validate itself, never app/.'),
  zone('./content', './sandbox', 'content/ is data: it may use lib/ to validate itself, never sandbox/.'),
  zone('./sandbox', './server', 'sandbox/ runs in the browser: it may import lib/ only.'),
  zone('./sandbox', './app', 'sandbox/ runs in the browser: it may import lib/ only.'),
  zone('./sandbox', './content', 'sandbox/ runs in the browser: it may import lib/ only.'),
  zone('./server', './app', 'server/ is called by app/ routes and pages; it never imports the UI.'),
  zone('./server', './sandbox', 'server/ builds the sandboxes from their files; it never imports them.'),
];

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
      // Type-only imports of Prisma's row types are allowed: they are erased, and spare lib/ restating the models.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@prisma/client', message: pureCoreMessage, allowTypeImports: true },
            ...['react', 'react-dom', 'next', 'fs', 'node:fs', 'node:fs/promises', 'fs/promises', 'node:child_process', 'node:net', 'node:http'].map((name) => ({ name, message: pureCoreMessage })),
          ],
          patterns: [{ group: ['next/*', 'react/*', 'react-dom/*', '@prisma/*', '!@prisma/client'], message: pureCoreMessage }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'window', message: pureCoreMessage }, { name: 'document', message: pureCoreMessage }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // A starter's parameters are the learner's to use; unused ones are the point, not a mistake.
    files: ['content/exercises/*/starter.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
]);
