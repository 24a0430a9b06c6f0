import { describe, expect, it } from 'vitest';
import { formatRun } from '@/lib/exercises/run-report';
import { runTestsLocally } from '@/lib/grading/local-run';

const plain = (lines: string[]) => lines.join('\n').replace(/\x1b\[\d+m/g, '');
const TESTS = `import { test, expect } from '@/lib/grading/test-api';
import { add } from './solution';
test('adds two numbers', () => { expect(add(1, 2)).toBe(3); });
test('adds negatives', () => { expect(add(-1, -2)).toBe(-3); });`;

describe('the Run report', () => {
  it('ticks passing tests, crosses failing ones with expected and received, and prints the learner’s console under its test', () => {
    const result = runTestsLocally({ solution: "export function add(a: number, b: number) { console.log('adding', a, b); return a > 0 ? a + b : 0; }", visibleTests: TESTS, lockdown: false });
    const report = formatRun(result, 12);
    const text = plain(report.lines);
    expect(text).toMatch(/✓ adds two numbers/);
    expect(text).toMatch(/│ adding 1 2/);
    expect(text).toMatch(/✗ adds negatives/);
    expect(text).toMatch(/Expected: -3/);
    expect(text).toMatch(/Received: 0/);
    expect(text).toMatch(/Tests: 1 passed, 1 failed, 2 total · 12 ms/);
    expect(report.summary).toBe('1 of 2 visible tests passed');
    expect(report.allPassed).toBe(false);
  });

  it('reports a compile error with its line', () => {
    const report = formatRun(runTestsLocally({ solution: 'export function add(a: number, b: number { }', visibleTests: TESTS, lockdown: false }), 1);
    expect(report.summary).toMatch(/^solution\.ts:1:\d+ does not compile/);
  });
});
