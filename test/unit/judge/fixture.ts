import type { Exercise } from '@/lib/grading/load-exercises';
import { createJudge, type Judge, type JudgeOptions } from '@/server/exercises/judge/judge';

/** A marker that appears only in the fixture's hidden test file: no verdict may ever contain it. */
export const HIDDEN_MARKER = 'hidden-test-source-7f3a';

/** A tiny exercise for judge tests: add two numbers. Tight limits, so limit tests finish quickly. */
export const ADD: Exercise = {
  meta: {
    id: 'add',
    title: 'Add two numbers',
    summary: 'A fixture for the judge tests.',
    topic: 'balancing-algorithms',
    difficulty: 'easy',
    lesson: 'round-robin',
    timeLimitMs: 600,
    memoryLimitMb: 16,
    hints: ['Use the plus operator.', 'Return the sum.'],
    exports: ['add'],
  },
  sources: {
    spec: '## Add',
    starter: "export function add(a: number, b: number): number {\n  throw new Error('Not implemented');\n}",
    solution: 'export function add(a: number, b: number): number {\n  return a + b;\n}',
    types: '',
    visibleTests: `import { expect, test } from '@/lib/grading/test-api';
import { add } from './solution';
test('adds 1 and 2', () => { expect(add(1, 2)).toBe(3); });
test('adds 2 and 2', () => { expect(add(2, 2)).toBe(4); });`,
    hiddenTests: `import { expect, test } from '@/lib/grading/test-api';
import { add } from './solution';
// ${HIDDEN_MARKER}
test('adds negatives', () => { expect(add(-1, -2)).toBe(-3); }, { checks: 'negative numbers' });`,
  },
  version: 'fixture',
};

export const CORRECT = 'export function add(a: number, b: number): number {\n  return a + b;\n}';
/** Wrong on every test: a − b is never a + b for these inputs. */
export const WRONG = 'export function add(a: number, b: number): number {\n  return a - b;\n}';

/** A judge over the fixture. Test files run side by side, so each keeps its workers few and skips the warm-up. */
export function fixtureJudge(workers: number, options: Omit<JudgeOptions, 'catalog' | 'pool'> = {}): Judge {
  return createJudge({ pool: { size: workers, warmUpMs: 0 }, catalog: async () => ({ exercises: [ADD], byId: new Map([['add', ADD]]) }), ...options });
}

/** The learner's console output as lines. */
export const printed = (verdict: { console: { entries: { text: string }[] } }): string[] => verdict.console.entries.map((entry) => entry.text);
