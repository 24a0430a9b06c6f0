// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as activeHealthCheck from '@/content/exercises/active-health-check/engine';
import * as capstoneBalancer from '@/content/exercises/capstone-balancer/engine';
import * as consistentHashRing from '@/content/exercises/consistent-hash-ring/engine';
import * as cookieStickiness from '@/content/exercises/cookie-stickiness/engine';
import * as ipHash from '@/content/exercises/ip-hash/engine';
import * as l7Router from '@/content/exercises/l7-router/engine';
import * as leastConnections from '@/content/exercises/least-connections/engine';
import * as outlierEjection from '@/content/exercises/outlier-ejection/engine';
import * as roundRobin from '@/content/exercises/round-robin/engine';
import * as smoothWeightedRoundRobin from '@/content/exercises/smooth-weighted-round-robin/engine';
import ts from 'typescript';
import { compileLessonBody } from '@/lib/content/compile-lesson';
import { runTestsLocally } from '@/lib/grading/local-run';
import { toPublicExercise, type Exercise } from '@/lib/grading/load-exercises';
import { loadExerciseCatalog, type ExerciseCatalog } from '@/server/exercises/judge/exercise-files';
import { createJudge, type Judge } from '@/server/exercises/judge/judge';

/**
 * The authoring invariants for every exercise (freeCodeCamp's and exercism's): the folder
 * validates; through the real judge the starter fails, the reference solution is accepted, and a
 * plausible wrong solution (decoy.ts) passes every visible test yet fails a hidden one; and the
 * tests pass against the engine's own implementation, so exercise and engine cannot drift apart.
 */

/** Each exercise's API implemented over lib/ (its engine.ts). Exercises without an engine counterpart are listed in NO_ENGINE. */
const ENGINES: Record<string, object> = {
  'round-robin': roundRobin,
  'capstone-balancer': capstoneBalancer,
  'smooth-weighted-round-robin': smoothWeightedRoundRobin,
  'least-connections': leastConnections,
  'ip-hash': ipHash,
  'consistent-hash-ring': consistentHashRing,
  'cookie-stickiness': cookieStickiness,
  'active-health-check': activeHealthCheck,
  'outlier-ejection': outlierEjection,
  'l7-router': l7Router,
};
/** Exercises whose semantics have no engine implementation to check against, and why. */
const NO_ENGINE: Record<string, string> = {
  'session-store': 'a key-value store, not a balancing algorithm: lib/ has no counterpart; its semantics are Redis\'s (SET PX/NX/XX/KEEPTTL, PEXPIRE, PTTL, PERSIST)',
};

// Mermaid's parser needs a DOM; jsdom provides one, as in test/content/mermaid.test.ts.
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, suppressErrorRendering: true });

const catalog: ExerciseCatalog = await loadExerciseCatalog();
const ids = catalog.exercises.map((exercise) => exercise.meta.id);
let judge: Judge;

beforeAll(async () => {
  judge = createJudge({ pool: { size: 1, warmUpMs: 0 } });
  await judge.pool.whenReady();
}, 60_000);

afterAll(() => judge.close());

const exercise = (id: string): Exercise => catalog.byId.get(id)!;

/** Every string literal in a TypeScript source, as the compiler's scanner reads them. */
function stringLiterals(source: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
  const found: string[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.StringLiteral || token === ts.SyntaxKind.NoSubstitutionTemplateLiteral) found.push(scanner.getTokenValue());
  }
  return found;
}

describe('the exercise catalog', () => {
  it('has at least ten exercises, in a declared order', () => {
    expect(ids.length).toBeGreaterThanOrEqual(10);
  });

  it('names a lesson for every exercise and keeps hidden tests out of what the browser gets', () => {
    for (const id of ids) {
      const visible = toPublicExercise(exercise(id));
      expect(JSON.stringify(visible)).not.toContain(exercise(id).sources.hiddenTests);
      expect(Object.keys(visible)).not.toContain('sources');
    }
  });

  it('checks every exercise against the engine, or says why it cannot', () => {
    for (const id of ids) expect(id in ENGINES || id in NO_ENGINE, `${id}: add its engine.ts to ENGINES`).toBe(true);
  });
});

describe.each(ids)('exercise %s', (id) => {
  const { meta, sources } = exercise(id);

  it('has a spec that compiles like a lesson, with diagrams Mermaid can parse', async () => {
    const { outline } = await compileLessonBody(sources.spec, id, `exercises/${id}/spec.mdx`);
    expect(outline.headings.length).toBeGreaterThan(0);
    expect(outline.diagrams.length).toBeGreaterThan(0);
    for (const diagram of outline.diagrams) await expect(mermaid.parse(diagram.source)).resolves.toBeTruthy();
    expect(meta.hints.length).toBeGreaterThanOrEqual(2);
  });

  it('fails every test on the starter', async () => {
    const verdict = await judge.judgeExercise(exercise(id), sources.starter);
    expect(verdict.status).toBe('rejected');
    expect(verdict.counts.passed).toBe(0);
    expect(verdict.counts.total).toBeGreaterThan(0);
  });

  it('accepts the reference solution', async () => {
    const verdict = await judge.judgeExercise(exercise(id), sources.solution);
    expect(verdict.tests.filter((test) => !test.passed)).toEqual([]);
    expect(verdict.status).toBe('accepted');
  });

  it('has hidden tests the visible ones do not: the decoy passes every visible test and fails a hidden one', async () => {
    expect(sources.decoy, `${id}: add decoy.ts, a plausible wrong solution`).toBeDefined();
    const verdict = await judge.judgeExercise(exercise(id), sources.decoy!);
    const visible = verdict.tests.filter((test) => test.suite === 'visible');
    const hidden = verdict.tests.filter((test) => test.suite === 'hidden');
    expect(visible.filter((test) => !test.passed)).toEqual([]);
    expect(hidden.some((test) => !test.passed)).toBe(true);
    const visibleNames = new Set(visible.map((test) => test.name));
    expect(hidden.filter((test) => visibleNames.has(test.name))).toEqual([]);
  });

  it('names and describes every hidden test without giving its values away', () => {
    const run = runTestsLocally({ solution: {}, visibleTests: '', hiddenTests: sources.hiddenTests, lockdown: false });
    if (!run.ok) throw new Error(run.compileError.message);
    expect(run.load.errors).toEqual([]);
    // Literals the tests compare against that are not plain words: addresses, hosts, paths, keys.
    const words = new Set(run.load.tests.flatMap((test) => [test.name, test.checks]));
    const literals = stringLiterals(sources.hiddenTests).filter((text) => text.length > 1 && /[^A-Za-z ]/.test(text) && !words.has(text) && !/^(@\/|\.\/)/.test(text));
    for (const test of run.load.tests) {
      expect(test.checks, test.name).toBeTruthy();
      for (const text of [test.name, test.checks!]) {
        expect(text, 'no numbers in what a learner reads of a hidden test').not.toMatch(/\d/);
        for (const literal of literals) expect(text.includes(literal), `${text} gives away ${literal}`).toBe(false);
      }
    }
  });

  it.runIf(id in ENGINES)('passes its visible and hidden tests when run against the engine', () => {
    const run = runTestsLocally({ solution: ENGINES[id]!, visibleTests: sources.visibleTests, hiddenTests: sources.hiddenTests, lockdown: false });
    if (!run.ok) throw new Error(run.compileError.message);
    expect(run.load.errors).toEqual([]);
    expect(run.tests.filter((test) => !test.passed)).toEqual([]);
  });
});
