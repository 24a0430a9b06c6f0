import type { Expectation } from './harness/expect';

/*
 * The API exercise test files are written in (content/exercises/<id>/*.test.ts):
 *
 *   import { expect, test } from '@/lib/grading/test-api';
 *   test('sends the 4th request back to the first server', () => { ... });
 *
 * These are declarations only. When tests run, the grading harness (./harness) binds this module
 * name to its own implementation inside the sandbox; nothing imports this file at run time.
 */

export type { Expectation, Matchers } from './harness/expect';

/**
 * Registers a test. Synchronous: it passes when `fn` returns without throwing. In hidden.test.ts,
 * `checks` is required: when the test fails, the learner reads its name and this, nothing else.
 */
export declare function test(name: string, fn: () => void, options?: { checks?: string }): void;

/** Groups tests: their names become "group › name". */
export declare function describe(name: string, fn: () => void): void;

/** Starts an assertion: `expect(rr.pick(servers)).toBe('a')`. */
export declare function expect(actual: unknown): Expectation;
