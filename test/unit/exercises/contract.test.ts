import { describe, expect, it } from 'vitest';
import { cardsForFailedTests, exerciseStatus, publicVerdict, submissionRequestSchema } from '@/lib/exercises/contract';
import { solutionAccess } from '@/lib/exercises/solution-access';
import { newReviewCardSchema } from '@/lib/drills/review-cards';
import { EMPTY_CONSOLE, type Verdict } from '@/lib/grading/verdict';

const verdict = (status: Verdict['status'], tests: Verdict['tests']): Verdict => ({
  exerciseId: 'round-robin',
  status,
  summary: 's',
  tests,
  counts: { passed: 0, total: tests.length, visible: { passed: 0, total: 0 }, hidden: { passed: 0, total: 0 } },
  console: EMPTY_CONSOLE,
  durationMs: 1,
  limits: { timeMs: 1000, memoryBytes: 1 },
});
const failed = (name: string, suite: 'visible' | 'hidden') => ({ name, suite, passed: false, durationMs: 1, failure: 'assertion' as const, message: 'nope', expected: '"a"', actual: '"b"' });
const exercise = { id: 'round-robin', title: 'Round robin', lesson: 'round-robin' };

describe('exercise status and the solution unlock', () => {
  it('is not started with nothing saved, attempted with a draft or a failed submit, passed after any accepted one', () => {
    expect(exerciseStatus([], false)).toBe('not-started');
    expect(exerciseStatus([], true)).toBe('attempted');
    expect(exerciseStatus(['rejected'], false)).toBe('attempted');
    expect(exerciseStatus(['rejected', 'accepted'], false)).toBe('passed');
  });

  it('earns the solution with a pass and offers it after three failed submits', () => {
    expect(solutionAccess(['rejected', 'time-limit'])).toBe('locked');
    expect(solutionAccess(['rejected', 'time-limit', 'compile-error'])).toBe('offered');
    expect(solutionAccess(['accepted'])).toBe('earned');
  });
});

describe('what a rejected submission reveals and adds', () => {
  it('keeps hidden tests to their name, outcome and message, with no timing', () => {
    const shown = publicVerdict(verdict('rejected', [failed('visible one', 'visible'), failed('hidden one', 'hidden')]));
    expect(shown.tests[0]).toHaveProperty('expected', '"a"');
    expect(shown.tests[1]).toEqual({ name: 'hidden one', suite: 'hidden', passed: false, durationMs: 0, failure: 'assertion', message: 'nope' });
  });

  it('adds one valid review card per failed test, keyed by exercise and test, and none for other statuses', () => {
    const cards = cardsForFailedTests(exercise, verdict('rejected', [failed('Round robin › skips a DOWN server', 'visible'), failed('wraps', 'hidden')]));
    expect(cards.map((card) => card.sourceKey)).toEqual(['exercise:round-robin:round-robin-skips-a-down-server', 'exercise:round-robin:wraps']);
    for (const card of cards) expect(newReviewCardSchema.safeParse(card).success).toBe(true);
    expect(cardsForFailedTests(exercise, verdict('time-limit', [failed('x', 'visible')]))).toEqual([]);
  });

  it('measures the 64 KB limit in UTF-8 bytes, not characters', () => {
    expect(submissionRequestSchema.safeParse({ code: 'a'.repeat(64 * 1024) }).success).toBe(true);
    expect(submissionRequestSchema.safeParse({ code: 'é'.repeat(32 * 1024 + 1) }).success).toBe(false);
  });
});
