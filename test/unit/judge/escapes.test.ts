import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Judge } from '@/server/exercises/judge/judge';
import { ADD, CORRECT, fixtureJudge, printed } from './fixture';

/*
 * Learner code is the hostile input. Each submission below tries a way out of the isolate or a way
 * to forge its verdict; each must fail. The probes report what they saw through console.log, which
 * the verdict carries back, so the assertions read what the learner's code could actually observe.
 */

let judge: Judge;

beforeAll(async () => {
  judge = fixtureJudge(1);
  await judge.pool.whenReady();
}, 60_000);

afterAll(() => judge.close());

/** Learner code that runs each probe at load time and prints "label: result" (or "label: threw Name: message"). */
function probing(probes: Record<string, string>, add = 'a + b'): string {
  const lines = Object.entries(probes).map(
    ([label, expression]) =>
      `try { out.push(${JSON.stringify(label)} + ': ' + String(${expression})); } catch (e) { out.push(${JSON.stringify(label)} + ': threw ' + (e as Error).name + ': ' + (e as Error).message); }`,
  );
  return ['const out: string[] = [];', ...lines, "console.log(out.join('\\n'));", `export function add(a: number, b: number): number { return ${add}; }`].join('\n');
}

const lines = (verdict: Parameters<typeof printed>[0]) => printed(verdict).join('\n').split('\n');

describe('no way out to the host', () => {
  it('has no process, require, fetch, timers or other host objects on the global', async () => {
    const verdict = await judge.judgeExercise(
      ADD,
      probing({
        process: 'typeof (globalThis as any).process',
        require: 'typeof (globalThis as any).require',
        module: 'typeof (globalThis as any).module',
        fetch: 'typeof (globalThis as any).fetch',
        XMLHttpRequest: 'typeof (globalThis as any).XMLHttpRequest',
        WebSocket: 'typeof (globalThis as any).WebSocket',
        setTimeout: 'typeof (globalThis as any).setTimeout',
        WebAssembly: 'typeof (globalThis as any).WebAssembly',
        'quickjs std/os': 'typeof (globalThis as any).std + typeof (globalThis as any).os',
        Buffer: 'typeof (globalThis as any).Buffer',
      }),
    );
    expect(verdict.status).toBe('accepted');
    expect(lines(verdict)).toEqual([
      'process: undefined',
      'require: undefined',
      'module: undefined',
      'fetch: undefined',
      'XMLHttpRequest: undefined',
      'WebSocket: undefined',
      'setTimeout: undefined',
      'WebAssembly: undefined',
      'quickjs std/os: undefinedundefined',
      'Buffer: undefined',
    ]);
  });

  it('resolves no Node module through the module-local require', async () => {
    const verdict = await judge.judgeExercise(ADD, probing({ fs: "require('fs')", child_process: "require('node:child_process')", http: "require('http')" }));
    for (const line of lines(verdict)) expect(line).toMatch(/: threw Error: Cannot find module '[^']+': exercise code runs without Node\.js or npm modules\.$/);
  });

  it('loads nothing with import(), static or through eval', async () => {
    const code = `import('fs').then(() => console.log('LEAK: import resolved'), (e) => console.log('LEAK: import settled', String(e)));
(0, eval)("import('fs')").then(() => console.log('LEAK: native import resolved'), () => console.log('LEAK: native import settled'));
Promise.resolve().then(() => console.log('LEAK: a promise job ran'));
export function add(a: number, b: number): number { return a + b; }`;
    const verdict = await judge.judgeExercise(ADD, code);
    expect(verdict.status).toBe('accepted');
    expect(printed(verdict)).toEqual([]);
  });

  it('reaches only the isolate through eval, Function and constructor chains', async () => {
    const verdict = await judge.judgeExercise(
      ADD,
      probing({
        'Function this': "typeof Function('return this')().process",
        'Function require': "Function('return typeof require')()",
        'indirect eval': "(0, eval)('typeof require + typeof process + typeof module')",
        'constructor chain': "({}).constructor.constructor('return typeof process')()",
        'generator constructor': "Object.getPrototypeOf(function* () {}).constructor('yield typeof process')().next().value",
        'a caller': "Function('return (function f() { return f.caller; })()')()",
      }),
    );
    expect(verdict.status).toBe('accepted');
    expect(lines(verdict)).toEqual([
      'Function this: undefined',
      'Function require: undefined',
      'indirect eval: undefinedundefinedundefined',
      'constructor chain: undefined',
      'generator constructor: undefined',
      'a caller: undefined',
    ]);
  });

  it('cannot climb the call stack into the harness from a function the harness calls', async () => {
    // A sloppy-mode getter on the exports: the harness itself calls it while copying the exports.
    const code = `Object.defineProperty(exports, 'add', {
  enumerable: true,
  get: Function("var up = arguments.callee.caller; console.log('caller: ' + typeof up + ' ' + String(up)); return function (a, b) { return a + b; };"),
});`;
    const verdict = await judge.judgeExercise(ADD, code);
    expect(verdict.status).toBe('accepted');
    expect(printed(verdict)).toEqual(['caller: undefined undefined']);
  });
});

describe('no way to forge a verdict', () => {
  it('cannot replace the test API, patch built-ins, register tests or read the hidden tests', async () => {
    const tamper = {
      'replace expect': "(require('@/lib/grading/test-api').expect = () => ({ toBe() {}, toEqual() {} }), 'done')",
      'replace test': "(require('@/lib/grading/test-api').test = () => {}, 'done')",
      'register a free test': "(require('@/lib/grading/test-api').test('free pass', () => {}), 'done')",
      'Object.prototype.toJSON': "((Object.prototype as any).toJSON = () => ({ passed: true }), 'done')",
      'Array.prototype.map': "(Array.prototype.map = (() => []) as any, 'done')",
      'array iterator next': "(Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true }), 'done')",
      'index setter on Array.prototype': "(Object.defineProperty(Array.prototype, '0', { set() {} }), 'done')",
      'JSON.stringify': "(JSON.stringify = () => '{\"passed\":true}', 'done')",
      'the JSON global': "((globalThis as any).JSON = { stringify: () => '{}' }, 'done')",
      'Object.is': "(Object.is = () => true, 'done')",
      'Function.prototype.call': "(Function.prototype.call = function () { return undefined; } as any, 'done')",
      'hidden tests': "require('./hidden.test')",
    };
    const verdict = await judge.judgeExercise(ADD, probing(tamper, 'a - b'));
    expect(verdict.status).toBe('rejected');
    expect(verdict.counts.passed).toBe(0);
    expect(verdict.tests.map((test) => test.name)).toEqual(['adds 1 and 2', 'adds 2 and 2', 'adds negatives']);
    const seen = lines(verdict);
    expect(seen).toHaveLength(Object.keys(tamper).length);
    for (const line of seen) expect(line).toMatch(/: threw (TypeError|Error): /);
  });

  it('is not fooled by a fake report printed to the console, or by a console that lies', async () => {
    const code = `console.log(JSON.stringify({ status: 'accepted', passed: 3, failed: 0, tests: [] }));
console.log = () => {};
(globalThis as any).console = { log() {} };
export function add(a: number, b: number): number { return a - b; }`;
    const verdict = await judge.judgeExercise(ADD, code);
    expect(verdict.status).toBe('rejected');
    expect(printed(verdict)[0]).toContain('"status":"accepted"');
  });

  it('cannot read the source of a function the tests pass it', async () => {
    const exercise = { ...ADD, sources: { ...ADD.sources, visibleTests: `import { expect, test } from '@/lib/grading/test-api';\nimport { add } from './solution';\ntest('calls back', () => { expect(add(1, () => 2 /* callback-secret-91c */ as never)).toBe(3); });` } };
    const code = "export function add(a: number, b: unknown): number { console.log(String(b), Function.prototype.toString.call(b)); return a + (b as () => number)(); }";
    const verdict = await judge.judgeExercise(exercise, code);
    expect(verdict.tests[0]!.passed).toBe(true);
    expect(printed(verdict).join('\n')).toMatch(/\[source hidden\]/);
    expect(JSON.stringify(verdict)).not.toContain('callback-secret-91c');
  });

  it('caps console output by size and by number of calls', async () => {
    const flood = await judge.judgeExercise(ADD, "for (let i = 0; i < 100000; i++) console.log('');\nconsole.log('x'.repeat(1e6));\nexport const add = (a: number, b: number) => a + b;");
    expect(flood.status).toBe('accepted');
    expect(flood.console.truncated).toBe(true);
    expect(flood.console.entries).toHaveLength(100);
    const long = await judge.judgeExercise(ADD, "console.log('x'.repeat(1e6));\nexport const add = (a: number, b: number) => a + b;");
    expect(long.console).toEqual({ entries: [{ level: 'log', text: `${'x'.repeat(1000)}…`, test: -1 }], truncated: true });
  });

  it('is not fooled by thrown objects shaped like passing results or assertion failures', async () => {
    const throwers = [
      "throw { passed: true, name: 'adds 1 and 2', failure: undefined };",
      "throw { message: 'expect(received).toBe(expected)', expected: '3', actual: '3' };",
      'throw null;',
      "throw new Proxy({}, { get() { throw new Error('gotcha'); } });",
      "throw { get message() { throw new Error('gotcha'); }, get name() { return 'Pass'; } };",
    ];
    for (const thrower of throwers) {
      const verdict = await judge.judgeExercise(ADD, `export function add(a: number, b: number): number {\n  ${thrower}\n}`);
      expect(verdict.status, thrower).toBe('rejected');
      expect(verdict.tests.map((test) => test.failure)).toEqual(['error', 'error', 'error']);
    }
  });

  it('keeps every read of hostile learner values inside the harness: the verdict stays small and says what failed', async () => {
    const big = "const big = 'x'.repeat(4 * 1024 * 1024);";
    const hostile = {
      'ownKeys throws': `${big}\nmodule.exports = new Proxy({}, { ownKeys() { throw new Error(big); } });`,
      'a getter throws': `${big}\nObject.defineProperty(exports, 'add', { enumerable: true, get() { throw new Error(big); } });`,
      'getOwnPropertyDescriptor throws': `${big}\nmodule.exports = new Proxy({ add: 1 }, { getOwnPropertyDescriptor() { throw new Error(big); } });`,
      'the result converts by throwing': `${big}\nexport function add(): unknown { return { [Symbol.toPrimitive]() { throw new Error(big); }, toJSON() { throw new Error(big); }, get valueOf() { throw new Error(big); } }; }`,
      'the thrown error converts by throwing': `${big}\nexport function add(): number { throw { [Symbol.toPrimitive]() { throw new Error(big); }, toJSON() { throw new Error(big); }, get name() { throw new Error(big); } }; }`,
      'console.log of a hostile object': `${big}\nexport function add(a: number, b: number): number { console.log({ toJSON() { throw new Error(big); } }, new Proxy({}, { ownKeys() { throw new Error(big); } })); return a + b; }`,
    };
    for (const [what, code] of Object.entries(hostile)) {
      const verdict = await judge.judgeExercise(ADD, code);
      expect(verdict.status, what).not.toBe('internal-error');
      expect(JSON.stringify(verdict).length, what).toBeLessThan(8 * 1024);
    }
  });

  it('stops a thrown error whose message getter never returns', async () => {
    const verdict = await judge.judgeExercise(ADD, 'export function add(): number {\n  throw { get message(): string { while (true) {} } };\n}');
    expect(verdict.status).toBe('time-limit');
  });

  it('reads the exports once, before any test registers, so a getter cannot add or hide tests', async () => {
    const code = `Object.defineProperty(exports, 'add', {
  enumerable: true,
  get() {
    try { require('@/lib/grading/test-api').test('sneaky', () => {}); console.log('registered'); } catch { console.log('refused'); }
    return (a: number, b: number) => a - b;
  },
});`;
    const verdict = await judge.judgeExercise(ADD, code);
    expect(verdict.status).toBe('rejected');
    expect(verdict.tests).toHaveLength(3);
    expect(printed(verdict)).toEqual(['refused']);
  });

  it('cannot pass toBe with an object that converts to the right number', async () => {
    const verdict = await judge.judgeExercise(ADD, 'export function add(a: number, b: number): any {\n  return { valueOf: () => a + b, toString: () => String(a + b) };\n}');
    expect(verdict.counts.passed).toBe(0);
  });
});

describe('lockdown leaves ordinary code working', () => {
  it('lets learner code subclass Error, override toString and use the built-ins', async () => {
    const code = `class SumError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SumError';
  }
}
const point = { x: 1, toString() { return 'point'; } };
point.toString = () => 'moved';
export function add(a: number, b: number): number {
  const parts = [a, b].map((n) => n * 1).sort((x, y) => x - y);
  const seen = new Map([[a, b]]);
  if (String(point) !== 'moved' || new SumError('x').name !== 'SumError' || !seen.has(a)) throw new Error('lockdown broke something');
  return parts.reduce((sum, n) => sum + n, 0);
}`;
    expect((await judge.judgeExercise(ADD, code)).status).toBe('accepted');
  });

  it('runs the exercise tests exactly as written for the correct solution', async () => {
    expect((await judge.judgeExercise(ADD, CORRECT)).status).toBe('accepted');
  });
});
