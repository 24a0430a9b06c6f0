import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Judge } from '@/server/exercises/judge/judge';
import { UnknownExerciseError } from '@/server/exercises/judge/judge';
import { createMemoryRateLimiter } from '@/server/exercises/judge/rate-limit-store';
import { ADD, CORRECT, fixtureJudge, HIDDEN_MARKER, printed, WRONG } from './fixture';

// The fixture allows 600 ms and 16 MB per submission. Two workers: one test hangs one of them.
let judge: Judge;

beforeAll(async () => {
  judge = fixtureJudge(2, { rateLimiter: createMemoryRateLimiter({ capacity: 2, refillPerSecond: 0.001 }) });
  await judge.pool.whenReady();
}, 60_000);

afterAll(() => judge.close());

const timed = async (code: string) => {
  const started = performance.now();
  const verdict = await judge.judgeExercise(ADD, code);
  return { verdict, ms: performance.now() - started };
};

describe('the judge', () => {
  it('accepts a correct submission and reports each test', async () => {
    const verdict = await judge.judgeExercise(ADD, CORRECT);
    expect(verdict.status).toBe('accepted');
    expect(verdict.tests.map((test) => [test.name, test.suite, test.passed])).toEqual([
      ['adds 1 and 2', 'visible', true],
      ['adds 2 and 2', 'visible', true],
      ['adds negatives', 'hidden', true],
    ]);
  });

  it('shows a failing hidden test by name and its fixed description only, never its code or values', async () => {
    const verdict = await judge.judgeExercise(ADD, WRONG);
    expect(verdict.status).toBe('rejected');
    const hidden = verdict.tests.find((test) => test.suite === 'hidden')!;
    expect(hidden).toEqual({ name: 'adds negatives', suite: 'hidden', passed: false, durationMs: 0, failure: 'assertion', message: 'negative numbers' });
    expect(JSON.stringify(verdict)).not.toContain(HIDDEN_MARKER);
  });

  it('reports a syntax error as a compile error, listing the tests as not run', async () => {
    const verdict = await judge.judgeExercise(ADD, 'export function add(a: number, b: number) {\n  return a + ;\n}');
    expect(verdict.status).toBe('compile-error');
    expect(verdict.compileError).toMatchObject({ file: 'solution.ts', line: 2 });
    expect(verdict.tests.map((test) => test.failure)).toEqual(['not-run', 'not-run', 'not-run']);
  });

  it('throws for an exercise that does not exist', async () => {
    await expect(judge.judgeSubmission('no-such-exercise', CORRECT)).rejects.toThrow(UnknownExerciseError);
  });
});

describe('time limit', () => {
  it('stops while (true) {} at the limit, and the next submission runs normally', async () => {
    const { verdict, ms } = await timed('export function add(a: number, b: number): number {\n  while (true) {}\n}');
    expect(verdict.status).toBe('time-limit');
    expect(verdict.tests[0]).toMatchObject({ name: 'adds 1 and 2', failure: 'timeout' });
    expect(verdict.tests.slice(1).map((test) => test.failure)).toEqual(['not-run', 'not-run']);
    expect(ms).toBeLessThan(1500);
    expect((await judge.judgeExercise(ADD, CORRECT)).status).toBe('accepted');
  });

  it('stops a loop at the top of the module, before any test', async () => {
    const { verdict } = await timed('while (true) {}\nexport const add = (a: number, b: number) => a + b;');
    expect(verdict.status).toBe('time-limit');
    expect(verdict.summary).toContain('loading solution.ts');
  });

  it('cannot be caught: catch and finally blocks stop too', async () => {
    const code = `export function add(a: number, b: number): number {
  try { while (true) {} } catch { return a + b; } finally { for (;;) {} }
}`;
    const { verdict, ms } = await timed(code);
    expect(verdict.status).toBe('time-limit');
    expect(ms).toBeLessThan(1500);
  });

  it('keeps the console output printed before the limit', async () => {
    const { verdict } = await timed("export function add(a: number, b: number): number {\n  console.log('about to spin');\n  while (true) {}\n}");
    expect(printed(verdict)).toEqual(['about to spin']);
  });
});

describe('memory limit', () => {
  const bombs: Record<string, string> = {
    'growing arrays': 'const keep: number[][] = []; while (true) keep.push(new Array(100000).fill(a));',
    'growing strings': "const keep: string[] = []; while (true) keep.push('abc'.repeat(100000) + keep.length);",
    'a growing Map': 'const m = new Map<number, number>(); let i = 0; while (true) m.set(i, i++);',
    'one huge allocation': "return 'x'.repeat(2 ** 29).length;",
    'a bomb whose error is caught': 'const keep: string[] = []; try { while (true) keep.push("abc".repeat(100000) + keep.length); } catch { return a + b; }',
  };

  it.each(Object.entries(bombs))('stops %s with a memory-limit verdict', async (_name, body) => {
    const { verdict } = await timed(`export function add(a: number, b: number): number {\n${body}\n}`);
    expect(verdict.status).toBe('memory-limit');
    expect(verdict.summary).toContain('Ran out of memory (the limit is 16 MB)');
  });

  it('catches a bomb at the top of the module', async () => {
    const { verdict } = await timed("const keep: string[] = [];\nwhile (true) keep.push('abc'.repeat(100000) + keep.length);\nexport const add = (a: number, b: number) => a + b;");
    expect(verdict.status).toBe('memory-limit');
  });

  it('judges the next submission normally after a bomb', async () => {
    await timed('export function add(): number { const k: number[][] = []; while (true) k.push(new Array(100000).fill(1)); }');
    expect((await judge.judgeExercise(ADD, CORRECT)).status).toBe('accepted');
  });
});

describe('runaway recursion', () => {
  it('fails the test with a stack overflow instead of crashing the worker', async () => {
    const verdict = await judge.judgeExercise(ADD, 'export function add(a: number, b: number): number {\n  return add(a, b) + 1;\n}');
    expect(verdict.status).toBe('rejected');
    expect(verdict.tests[0]!.message).toContain('stack overflow');
    expect((await judge.judgeExercise(ADD, CORRECT)).status).toBe('accepted');
  });

  it('survives deep recursion inside built-ins (JSON.stringify of a 20 000-deep object)', async () => {
    const code = `export function add(a: number, b: number): number {
  const root: { next?: object } = {};
  let at = root;
  for (let i = 0; i < 20000; i++) { const next = {}; at.next = next; at = next; }
  JSON.stringify(root);
  return a + b;
}`;
    const verdict = await judge.judgeExercise(ADD, code);
    expect(verdict.tests[0]!.message).toContain('stack overflow');
    expect((await judge.judgeExercise(ADD, CORRECT)).status).toBe('accepted');
  });
});

describe('keeps serving others', () => {
  it('answers a normal submission quickly while another one hangs', async () => {
    const started = performance.now();
    const hung = judge.judgeExercise(ADD, 'export function add(): number {\n  while (true) {}\n}').then((verdict) => ({ verdict, at: performance.now() - started }));
    const normal = judge.judgeExercise(ADD, CORRECT).then((verdict) => ({ verdict, at: performance.now() - started }));
    const [slow, fast] = await Promise.all([hung, normal]);
    expect(fast.verdict.status).toBe('accepted');
    expect(slow.verdict.status).toBe('time-limit');
    expect(fast.at).toBeLessThan(500);
    expect(slow.at).toBeGreaterThanOrEqual(600);
  });
});

describe('refusals', () => {
  it('refuses a submission over 64 KB without running it', async () => {
    const verdict = await judge.judgeExercise(ADD, `${CORRECT}\n// ${'x'.repeat(70 * 1024)}`);
    expect(verdict.status).toBe('too-large');
    expect(verdict.summary).toBe('The submission is 70.1 KB; the limit is 64 KB.');
    expect(verdict.tests).toEqual([]);
  });

  it('rate-limits each learner separately', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await judge.judgeSubmissionFor('ann', 'add', CORRECT)).status);
    expect(statuses).toEqual(['accepted', 'accepted', 'rate-limited']);
    const refused = await judge.judgeSubmissionFor('ann', 'add', CORRECT);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect((await judge.judgeSubmissionFor('bob', 'add', CORRECT)).status).toBe('accepted');
  });
});
