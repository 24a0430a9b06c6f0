import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '@/lib/grading/verdict';
import { loadExerciseCatalog } from '@/server/exercises/judge/exercise-files';
import { createJudge, type Judge } from '@/server/exercises/judge/judge';

/*
 * The capstone runs the simulator inside the judge's isolate, next to the learner's balancer. Each
 * submission here tries to use that closeness to pass without balancing well; each must fail.
 */

let judge: Judge;
const exerciseId = 'capstone-balancer';

beforeAll(async () => {
  const catalog = await loadExerciseCatalog();
  judge = createJudge({ pool: { size: 1, warmUpMs: 0 }, catalog: async () => catalog });
  await judge.pool.whenReady();
}, 60_000);

afterAll(() => judge.close());

const solution = readFileSync('content/exercises/capstone-balancer/solution.ts', 'utf8');
const failing = (verdict: Verdict) => verdict.tests.filter((test) => !test.passed);
const races = (verdict: Verdict) => verdict.tests.filter((test) => test.name.includes('race'));

/** A weighted least-connections balancer whose pick first runs `before` (with `backends` in scope). */
const withProbe = (before: string) => solution.replace('let best: Backend[] = [];', `${before}\n      let best: Backend[] = [];`);

describe('the capstone race inside the judge', () => {
  it('accepts the reference solution, racing in the isolate within the time limit', async () => {
    const verdict = await judge.judgeSubmission(exerciseId, solution);
    expect(verdict.status).toBe('accepted');
    expect(races(verdict)).toHaveLength(6);
    expect(verdict.durationMs).toBeLessThan(verdict.limits.timeMs);
  });

  it('does not let the learner’s code import the race or the simulator', async () => {
    const code = `import { race } from '@/lib/capstone/race';\nexport const raceKind = typeof race;\n${solution}`;
    const verdict = await judge.judgeSubmission(exerciseId, code);
    expect(verdict.status).toBe('rejected');
    expect(verdict.tests.every((test) => !test.passed)).toBe(true);
    expect(verdict.tests[0]!.message).toMatch(/Cannot find module '@\/lib\/capstone\/race'/);
  });

  it('cannot change what the simulator knows by editing the backends it is shown', async () => {
    const code = withProbe('(backends[0] as { activeConnections: number }).activeConnections = -1000;');
    const verdict = await judge.judgeSubmission(exerciseId, code);
    expect(verdict.status).toBe('rejected');
    for (const test of races(verdict).filter((race) => race.suite === 'visible')) expect(test.message).toMatch(/pick threw on request 1: TypeError/);
    for (const test of races(verdict).filter((race) => race.suite === 'hidden')) expect(test).toMatchObject({ passed: false, failure: 'error' });
  });

  it('cannot forge race numbers by patching the built-ins the simulator uses', async () => {
    const code = `Math.max = () => 0; Array.prototype.find = function () { return undefined; };\n${solution}`;
    const verdict = await judge.judgeSubmission(exerciseId, code);
    expect(verdict.status).toBe('rejected');
    expect(failing(verdict).length).toBe(verdict.tests.length);
  });

  it('fails the race, naming the request, when pick sends traffic to a crashed server', async () => {
    const code = 'export function createBalancer() { let n = 0; return { pick: (backends: { id: string }[]) => backends[n++ % backends.length]!.id }; }';
    const verdict = await judge.judgeSubmission(exerciseId, code);
    const crash = verdict.tests.find((test) => test.name.startsWith('race, a server crashes'))!;
    expect(crash.passed).toBe(false);
    expect(crash.message).toMatch(/pick returned "c" on request \d+, but it is not usable/);
  });

  it('gives round robin a clear p99 failure on uneven costs', async () => {
    const code = 'export function createBalancer() { let n = 0; return { pick: (backends: { id: string; usable: boolean }[]) => { const up = backends.filter((b) => b.usable); return up.length ? up[n++ % up.length]!.id : undefined; } }; }';
    const verdict = await judge.judgeSubmission(exerciseId, code);
    const uneven = verdict.tests.find((test) => test.name.startsWith('race, uneven costs'))!;
    expect(uneven.passed).toBe(false);
    expect(uneven.expected).toBe('300');
    expect(Number(uneven.actual)).toBeGreaterThan(450);
  });
});
