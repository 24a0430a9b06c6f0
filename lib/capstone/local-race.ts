import { lockdown } from '@/lib/grading/harness/lockdown';
import { compileModule } from '@/lib/grading/local-run';
import { transpileModule, type CompileError } from '@/lib/grading/transpile';
import type { LearnerBalancerFactory } from './race';
import { raceAll, type TrackRace } from './race-all';
import { thrownText } from './thrown-text';

export type RaceReport = { ok: true; tracks: TrackRace[] } | { ok: false; compileError?: CompileError; error?: string };

const silent = { log() {}, info() {}, warn() {}, error() {}, debug() {} };

/**
 * Races the learner's solution.ts against the built-ins in this realm: only in the browser
 * runner's throwaway worker, whose realm is frozen first (as for Run), so the learner's code cannot
 * patch the built-ins the simulator uses. Its console output is dropped; Run shows it.
 */
export function raceLocally(solution: string): RaceReport {
  const transpiled = transpileModule(solution, 'solution.ts');
  if (!transpiled.ok) return { ok: false, compileError: transpiled.error };
  lockdown(globalThis);
  const loaded = { exports: {} as Record<string, unknown> };
  const require = (specifier: string) => {
    if (specifier === './types') return {};
    throw new Error(`Cannot find module '${specifier}': solution.ts may import only ./types.`);
  };
  try {
    compileModule(transpiled.code, 'solution.ts')(loaded.exports, require, loaded, silent as never);
  } catch (error) {
    return { ok: false, error: `solution.ts did not load: ${thrownText(error)}` };
  }
  const factory = (loaded.exports as { createBalancer?: unknown }).createBalancer;
  if (typeof factory !== 'function') return { ok: false, error: 'solution.ts must export a function createBalancer(random).' };
  return { ok: true, tracks: raceAll(factory as LearnerBalancerFactory) };
}
