import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleScript } from '../../../lib/grading/harness-bundle';
import { transpileModule } from '../../../lib/grading/transpile';

/** Where the harness sources live. The judge reads them at run time: the worker loads from source, not from a Next bundle. */
export const HARNESS_DIR = path.join(process.cwd(), 'lib', 'grading', 'harness');

let cached: string | undefined;

/**
 * The grading harness (lib/grading/harness/*.ts) as one script for QuickJS, whose completion
 * value is the harness module's exports. Built once per process from the same files the browser
 * runner imports, so both run identical harness code.
 */
export function harnessScript(): string {
  if (cached) return cached;
  const modules = readdirSync(HARNESS_DIR)
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => {
      const transpiled = transpileModule(readFileSync(path.join(HARNESS_DIR, file), 'utf8'), file);
      if (!transpiled.ok) throw new Error(`harness ${file} does not compile: ${transpiled.error.message}`);
      return { name: `./${file.replace(/\.ts$/, '')}`, code: transpiled.code };
    });
  cached = bundleScript(modules, './index');
  return cached;
}
