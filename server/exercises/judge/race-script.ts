import path from 'node:path';

let cached: string | undefined;

/**
 * lib/capstone/race.ts and the simulator it drives, as one CommonJS module body for the QuickJS
 * isolate: the capstone's tests race the learner's balancer on the same engine the lab runs. Built
 * with esbuild on first use, once per worker; only submissions whose tests import the race need it.
 */
export function raceScript(): string {
  if (cached) return cached;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, outside any bundler
  const esbuild = require('esbuild') as typeof import('esbuild');
  const root = process.cwd();
  const result = esbuild.buildSync({
    entryPoints: [path.join(root, 'lib', 'capstone', 'race.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'neutral',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    tsconfig: path.join(root, 'tsconfig.json'),
  });
  cached = result.outputFiles[0]!.text;
  return cached;
}
