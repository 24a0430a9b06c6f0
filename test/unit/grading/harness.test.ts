import { describe, expect, it } from 'vitest';
import { createHarness, MODULES, type LoadReport, type TestRecord } from '@/lib/grading/harness/index';
import { compileModule, moduleOf, runTestsLocally } from '@/lib/grading/local-run';
import { transpileModule } from '@/lib/grading/transpile';

// Node tests never lock down: that would freeze this process's own built-ins.
const TESTS = `import { describe, expect, test } from '@/lib/grading/test-api';
import { add } from './solution';
test('adds', () => { expect(add(1, 2)).toBe(3); });
describe('negatives', () => {
  test('adds two', () => { expect(add(-1, -2)).toBe(-3); });
});`;

function compiled(source: string, file: string) {
  const result = transpileModule(source, file);
  if (!result.ok) throw new Error(result.error.message);
  return compileModule(result.code, file);
}

function run(solution: string | object, visibleTests = TESTS, hiddenTests?: string) {
  const result = runTestsLocally({ solution, visibleTests, hiddenTests, lockdown: false });
  if (!result.ok) throw new Error(result.compileError.message);
  return result;
}

describe('the grading harness', () => {
  it('registers tests in order, with describe groups in their names', () => {
    const { load } = run('export const add = (a: number, b: number) => a + b;');
    expect(load).toEqual<LoadReport>({
      tests: [
        { name: 'adds', suite: 'visible' },
        { name: 'negatives › adds two', suite: 'visible' },
      ],
      errors: [],
    });
  });

  it('passes a test whose function returns, and fails one that throws', () => {
    const { tests } = run('export const add = (a: number, b: number) => (a > 0 ? a + b : 0);');
    expect(tests.map((test) => [test.name, test.passed, test.failure])).toEqual([
      ['adds', true, undefined],
      ['negatives › adds two', false, 'assertion'],
    ]);
    expect(tests[1]).toMatchObject<Partial<TestRecord>>({ expected: '-3', actual: '0' });
  });

  it('separates visible from hidden tests', () => {
    const hidden = `import { expect, test } from '@/lib/grading/test-api';\nimport { add } from './solution';\ntest('big', () => { expect(add(1e6, 1)).toBe(1000001); }, { checks: 'large numbers' });`;
    const { load } = run('export const add = (a: number, b: number) => a + b;', TESTS, hidden);
    expect(load.tests.map((test) => test.suite)).toEqual(['visible', 'visible', 'hidden']);
  });

  it('reports an error thrown by the learner with its own stack frame', () => {
    const { tests } = run("export function add(a: number, b: number): number {\n  throw new TypeError('nope');\n}");
    expect(tests[0]!.failure).toBe('error');
    expect(tests[0]!.message).toMatch(/^TypeError: nope\n.*solution\.ts:2/);
  });

  it('fails every test, without running it, when the solution does not load', () => {
    const { load, tests } = run("throw new Error('boom');\nexport const add = () => 0;");
    expect(load.errors).toEqual([{ module: MODULES.solution, message: expect.stringContaining('Error: boom') }]);
    expect(tests.every((test) => test.failure === 'load-error' && test.message!.includes('did not load'))).toBe(true);
  });

  it('offers no Node modules to learner code', () => {
    const { load } = run("import fs from 'node:fs';\nexport const add = () => fs;");
    expect(load.errors[0]!.message).toContain("Cannot find module 'node:fs'");
  });

  it('captures console output per test, capped', () => {
    const harness = createHarness({ lockdown: false, consoleLimit: 20 });
    harness.define(MODULES.solution, compiled("export const add = (a: number, b: number) => { console.log('adding', a, { b }); return a + b; };", 'solution.ts'));
    harness.define(MODULES.visibleTests, compiled(TESTS, 'visible.test.ts'));
    harness.load();
    harness.run(0);
    harness.run(1);
    const output = JSON.parse(harness.output());
    expect(output.entries[0]).toEqual({ level: 'log', text: 'adding 1 { b: 2 }', test: 0 });
    expect(output.truncated).toBe(true);
    expect(output.entries.map((entry: { text: string }) => entry.text).join('').length).toBe(20);
  });

  it('allows test() only while a test file loads', () => {
    const { load, tests } = run("import { test } from '@/lib/grading/test-api';\nexport const add = (a: number, b: number) => { test('sneaky', () => {}); return a + b; };");
    expect(load.tests).toHaveLength(2);
    expect(tests[0]!.message).toContain('test() can only be called while a test file loads');
  });

  it('gives the tests a frozen copy of the exports, read once before any test registers', () => {
    let reads = 0;
    const exports = {
      get add() {
        reads += 1;
        return (a: number, b: number) => a + b;
      },
    };
    const { tests } = run(exports);
    expect(tests.every((test) => test.passed)).toBe(true);
    expect(reads).toBe(1);
  });

  it('rejects two tests with the same name', () => {
    const { load } = run('export const add = () => 0;', `import { test } from '@/lib/grading/test-api';\ntest('same', () => {});\ntest('same', () => {});`);
    expect(load.errors[0]!.message).toContain('Two tests are named "same"');
  });

  it('links a module object loaded in this realm, for checks against the engine', () => {
    const harness = createHarness({ lockdown: false });
    harness.define(MODULES.solution, moduleOf({ add: (a: number, b: number) => a + b }));
    harness.define(MODULES.visibleTests, compiled(TESTS, 'visible.test.ts'));
    harness.load();
    expect(JSON.parse(harness.run(0)).passed).toBe(true);
  });
});
