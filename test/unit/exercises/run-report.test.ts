import { describe, expect, it } from 'vitest';
import { formatRun, printable, PRINTABLE_LIMIT } from '@/lib/exercises/run-report';
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
    expect(text.match(/Expected: /g), text).toHaveLength(1);
    expect(text.match(/Received: /g), text).toHaveLength(1);
    expect(text).toMatch(/Tests: 1 passed, 1 failed, 2 total · 12 ms/);
    expect(report.summary).toBe('1 of 2 visible tests passed');
    expect(report.allPassed).toBe(false);
  });

  it('reports a compile error with its line', () => {
    const report = formatRun(runTestsLocally({ solution: 'export function add(a: number, b: number { }', visibleTests: TESTS, lockdown: false }), 1);
    expect(report.summary).toMatch(/^solution\.ts:1:\d+ does not compile/);
  });
});

describe('learner text in the pane', () => {
  it('keeps no control character but newline and tab, so no escape sequence reaches the terminal', () => {
    expect(printable('\x1b[2J\x1b[H\x1b[32mTests: 4 passed\x1b[0m')).toBe('[2J[H[32mTests: 4 passed[0m');
    expect(printable('\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07')).toBe(']8;;https://evil.example/click]8;;');
    expect(printable('a\tb\nc\r\u009b31m\u0000')).toBe('a\tb\nc31m');
  });

  it('caps one text, and converts what is not a string', () => {
    expect(printable('x'.repeat(8 * 1024 * 1024))).toHaveLength(PRINTABLE_LIMIT + 1);
    expect(printable({ toString: () => 'an object' })).toBe('an object');
  });

  it('prints a console line of escapes as inert text under its test', () => {
    const result = runTestsLocally({ solution: "export function add(a: number, b: number) { console.log('\\x1b[2J\\x1b[32mTests: 2 passed'); return 0; }", visibleTests: TESTS, lockdown: false });
    const lines = formatRun(result, 1).lines.join('\n');
    expect(lines).not.toContain('\x1b[2J');
    expect(plain(formatRun(result, 1).lines)).toContain('│ [2J[32mTests: 2 passed');
  });
});
