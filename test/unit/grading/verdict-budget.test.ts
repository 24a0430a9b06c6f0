import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from '@/lib/grading/submission';
import { EMPTY_CONSOLE, type Verdict, type VerdictTest } from '@/lib/grading/verdict';
import { fitVerdict, VERDICT_BUDGET_BYTES } from '@/lib/grading/verdict-budget';

const test = (name: string, text = 'x'): VerdictTest => ({ name, suite: 'visible', passed: false, durationMs: 1, failure: 'assertion', message: text, expected: text, actual: text });
const verdict = (tests: VerdictTest[], consoleText = ''): Verdict => ({
  exerciseId: 'round-robin',
  status: 'rejected',
  summary: `${tests.length} of ${tests.length} tests failed.`,
  tests,
  counts: { passed: 0, total: tests.length, visible: { passed: 0, total: tests.length }, hidden: { passed: 0, total: 0 } },
  console: consoleText ? { entries: Array.from({ length: 50 }, () => ({ level: 'log' as const, text: consoleText, test: -1 })), truncated: false } : EMPTY_CONSOLE,
  durationMs: 5,
  limits: { timeMs: 2000, memoryBytes: 1 },
});
const bytes = (value: Verdict) => utf8ByteLength(JSON.stringify(value));

describe('the verdict byte budget', () => {
  it('leaves a verdict that fits untouched', () => {
    const small = verdict([test('a')]);
    expect(fitVerdict(small)).toBe(small);
  });

  it('drops console output first, then shortens every test, and says it was cut', () => {
    const big = verdict(Array.from({ length: 10 }, (_, i) => test(`test ${i}`, 'é'.repeat(2000))), 'y'.repeat(500));
    const fitted = fitVerdict(big);
    expect(bytes(fitted)).toBeLessThanOrEqual(VERDICT_BUDGET_BYTES);
    expect(fitted.truncated).toBe(true);
    expect(fitted.console.truncated).toBe(true);
    expect(fitted.summary).toMatch(/cut to fit 8 KB/);
    expect(fitted.tests.map((entry) => entry.name)).toEqual(big.tests.map((entry) => entry.name));
    expect(fitted.counts).toEqual(big.counts);
  });

  it('keeps the counts even when only some test names fit', () => {
    const many = verdict(Array.from({ length: 400 }, (_, i) => test(`${'n'.repeat(100)} ${i}`)));
    const fitted = fitVerdict(many);
    expect(bytes(fitted)).toBeLessThanOrEqual(VERDICT_BUDGET_BYTES);
    expect(fitted.counts.total).toBe(400);
    expect(fitted.tests.length).toBeGreaterThan(0);
  });
});
