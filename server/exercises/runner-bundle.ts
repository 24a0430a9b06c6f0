import 'server-only';
import path from 'node:path';

let cached: Promise<string> | undefined;

/**
 * sandbox/runner-frame.ts and everything it imports (the grading harness, sucrase) as one classic
 * script. Not a Next chunk: the runner iframe has an opaque origin, so its worker must be a blob
 * that importScripts a plain script, which Turbopack's worker loader cannot be. Built once per
 * process, and at build time for the prerendered /sandbox/runner.js.
 */
export function runnerBundle(): Promise<string> {
  cached ??= build();
  return cached;
}

async function build(): Promise<string> {
  // Loaded at run time so Turbopack does not try to bundle a bundler.
  const esbuild = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ 'esbuild')) as typeof import('esbuild');
  const result = await esbuild.build({
    entryPoints: [path.join(process.cwd(), 'sandbox', 'runner-frame.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    tsconfig: path.join(process.cwd(), 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0]!.text;
}
