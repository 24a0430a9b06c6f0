import { describe, expect, it } from 'vitest';
import { decideVerdict, EMPTY_CONSOLE, verdictSchema, type JudgeObservation, type VerdictTest } from '@/lib/grading/verdict';
import { submissionSize, utf8ByteLength } from '@/lib/grading/submission';

const passed = (name: string, suite: 'visible' | 'hidden' = 'visible'): VerdictTest => ({ name, suite, passed: true, durationMs: 1 });
const failed = (name: string, failure: VerdictTest['failure'], suite: 'visible' | 'hidden' = 'hidden'): VerdictTest => ({ name, suite, passed: false, durationMs: 1, failure, message: 'x' });
const observe = (tests: VerdictTest[], extra: Partial<JudgeObservation> = {}): JudgeObservation => ({
  exerciseId: 'round-robin',
  tests,
  console: EMPTY_CONSOLE,
  durationMs: 12,
  limits: { timeMs: 2000, memoryBytes: 32 * 1024 * 1024 },
  ...extra,
});

describe('decideVerdict', () => {
  it('accepts only when every visible and hidden test passed', () => {
    const verdict = decideVerdict(observe([passed('a'), passed('b', 'hidden')]));
    expect(verdict.status).toBe('accepted');
    expect(verdict.summary).toBe('Accepted: all 2 tests passed (1 visible, 1 hidden).');
    expect(verdictSchema.parse(verdict)).toEqual(verdict);
  });

  it('rejects when any test failed, counting visible and hidden failures', () => {
    const verdict = decideVerdict(observe([passed('a'), failed('b', 'assertion')]));
    expect([verdict.status, verdict.summary]).toEqual(['rejected', '1 of 2 tests failed (0 visible, 1 hidden).']);
    expect(verdict.counts.hidden).toEqual({ passed: 0, total: 1 });
  });

  it('never accepts an empty run', () => {
    expect(decideVerdict(observe([])).status).toBe('rejected');
  });

  it('puts the time limit before the memory limit, and both before plain failures', () => {
    expect(decideVerdict(observe([failed('a', 'memory'), failed('b', 'timeout')])).status).toBe('time-limit');
    expect(decideVerdict(observe([failed('a', 'assertion'), failed('b', 'memory')])).summary).toBe('Ran out of memory (the limit is 32 MB) during "b".');
  });

  it('reports a compile error first of all', () => {
    const verdict = decideVerdict(observe([failed('a', 'not-run')], { compileError: { file: 'solution.ts', message: 'Unexpected token', line: 3, column: 7 } }));
    expect(verdict.summary).toBe('solution.ts does not compile: Unexpected token (line 3, column 7).');
  });

  it('rejects a run whose tests did not register as written, whatever the tests said', () => {
    const verdict = decideVerdict(observe([passed('a')], { integrityProblem: 'expected 2 tests, but 1 registered.' }));
    expect(verdict.status).toBe('rejected');
  });
});

describe('submission size', () => {
  it('counts UTF-8 bytes, surrogate pairs as four', () => {
    expect(utf8ByteLength('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(utf8ByteLength('aé€😀')).toBe(new TextEncoder().encode('aé€😀').length);
  });

  it('fits 64 KiB and not a byte more', () => {
    expect(submissionSize('x'.repeat(64 * 1024)).fits).toBe(true);
    expect(submissionSize('x'.repeat(64 * 1024 + 1))).toEqual({ bytes: 64 * 1024 + 1, fits: false });
  });
});
