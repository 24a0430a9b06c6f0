import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const pureCoreMessage =
  'lib/ is the pure core shared by the browser, workers, Node and the judge: no React, Next, Prisma, fs or network here. Server-only code belongs in lib/server/.';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', 'next-env.d.ts', 'data/**', 'test-results/**']),
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'next', '@prisma/client', 'fs', 'node:fs', 'node:fs/promises', 'fs/promises', 'node:child_process', 'node:net', 'node:http'].map((name) => ({ name, message: pureCoreMessage })),
          patterns: [{ group: ['next/*', 'react/*', 'react-dom/*', '@prisma/*', '@/lib/server/*', '@/app/*'], message: pureCoreMessage }],
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
