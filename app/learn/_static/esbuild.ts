import path from 'node:path';
import type { BuildOptions } from 'esbuild';

export const ROOT = process.cwd();
const shim = (name: string) => path.join(ROOT, 'app', 'learn', '_islands', 'shims', name);

/** Loaded at run time so Turbopack does not try to bundle a bundler (as server/exercises/runner-bundle.ts does). */
export async function loadEsbuild(): Promise<typeof import('esbuild')> {
  return (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ 'esbuild')) as typeof import('esbuild');
}

/**
 * What the static pages' bundles share: the site's components compiled as they are, with the
 * few Next modules they import swapped for static-page equivalents.
 */
export const SHARED_OPTIONS = {
  bundle: true,
  write: false as const,
  minify: true,
  legalComments: 'none',
  target: 'es2022',
  jsx: 'automatic' as const,
  tsconfig: path.join(ROOT, 'tsconfig.json'),
  absWorkingDir: ROOT,
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: {
    'next/link': shim('next-link.tsx'),
    'next/navigation': shim('next-navigation.ts'),
    'next/dynamic': shim('next-dynamic.tsx'),
    'next-themes': shim('next-themes.tsx'),
  },
  logLevel: 'silent' as const,
} satisfies BuildOptions;
