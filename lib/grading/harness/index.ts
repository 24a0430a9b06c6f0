import { captureConsole, type CapturedConsole, type ConsoleSink } from './console';
import { expect, isAssertionFailure, type Expectation } from './expect';
import { apply, createObject, defineProperty, freeze, getOwnPropertyDescriptor, now, ownKeys, stringIncludes, stringify, stringSlice, stringSplit, toStr } from './intrinsics';
import { lockdown } from './lockdown';

/**
 * The grading harness: a tiny module registry, a Jest-like test API and a runner, all inside the
 * realm that runs the learner's code (the judge's QuickJS isolate, or the browser's runner worker).
 *
 * Trust model. The host creates the harness first; it captures its built-ins and (with `lockdown`)
 * freezes the realm's, and only then is learner code evaluated. Results leave only as the return
 * values of `load`, `run` and `output`, which the host calls on the handle it was given: learner
 * code cannot reach that handle, the registry or the records (closure variables), so printing a fake
 * report or throwing an odd object changes nothing. A test passes only when its function returned
 * without throwing, which the harness observes itself.
 */

/** Module names the exercise files use to reach each other. */
export const MODULES = {
  solution: './solution',
  visibleTests: './visible.test',
  hiddenTests: './hidden.test',
  testApi: '@/lib/grading/test-api',
  types: './types',
  /** The capstone's race (lib/capstone/race.ts, bundled): test files may import it, the learner's code may not. */
  race: '@/lib/capstone/race',
} as const;

/** A CommonJS-shaped module body, as sucrase's `imports` transform emits it, plus the console it should print to. */
export type ModuleFactory = (exports: Record<string, unknown>, require: (specifier: string) => unknown, module: { exports: unknown }, console: CapturedConsole['console']) => void;

export interface HarnessOptions {
  /** Freeze the realm's built-ins before learner code runs. Yes in the judge and the browser runner; never in a Node test process. */
  lockdown: boolean;
  /** Make `Function.prototype.toString` print no source, so learner code cannot read the callbacks a hidden test passes it (the judge). */
  hideSource?: boolean;
  /** Also make the capturing console the realm's global `console` (QuickJS has none). */
  globalConsole?: boolean;
  /** Characters of console output kept in all (default 16 384). */
  consoleLimit?: number;
  /** Console calls kept in all (default 1000). */
  consoleEntryLimit?: number;
  /** Also hands each console entry out as it is written, so output survives a run that is stopped. */
  consoleSink?: ConsoleSink;
}

export type Suite = 'visible' | 'hidden';

export interface RegisteredTest {
  name: string;
  suite: Suite;
  /** What a hidden test checks, in the author's words: all a learner learns when it fails. */
  checks?: string;
}

/** The third argument of `test`: required in hidden test files, where `checks` replaces the failure's details. */
export interface TestOptions {
  checks?: string;
}

/** What `load` found: every test in order, and any module that failed to load. */
export interface LoadReport {
  tests: RegisteredTest[];
  errors: { module: string; message: string }[];
}

/** Why a test failed. `memory`: the isolate's memory limit; `load-error`: the learner's module did not load. */
export type FailureKind = 'assertion' | 'error' | 'memory' | 'load-error';

/** One test's outcome, as `run` reports it. */
export interface TestRecord {
  index: number;
  name: string;
  suite: Suite;
  passed: boolean;
  durationMs: number;
  failure?: FailureKind;
  message?: string;
  expected?: string;
  actual?: string;
}

/** The test API exercise test files import from '@/lib/grading/test-api'. */
export interface TestApi {
  test(name: string, fn: () => void, options?: TestOptions): void;
  describe(name: string, fn: () => void): void;
  expect(actual: unknown): Expectation;
}

/** The host's handle. Every method returns JSON text (LoadReport, TestRecord, ConsoleReport), the one format that crosses into the host. */
export interface Harness {
  define(specifier: string, factory: ModuleFactory): void;
  load(): string;
  run(index: number): string;
  output(): string;
}

interface TestEntry extends RegisteredTest {
  fn: () => unknown;
}

/** Characters kept of any one message, expected or received value, or test name, before the host caps them again. */
export const MAX_MESSAGE = 1000;
export const MAX_NAME = 200;
/** Load errors reported, at most. */
const MAX_ERRORS = 10;
/** Characters of console output a run keeps, in all. */
export const CONSOLE_LIMIT = 16_384;
/** Console calls a run keeps, in all. */
export const CONSOLE_ENTRY_LIMIT = 1000;
const EXTENSIONS = ['.d.ts', '.ts', '.js'];

/** Creates the harness; with `lockdown`, the realm is frozen when this returns. */
export function createHarness(options: HarnessOptions): Harness {
  const factories = new Map<string, ModuleFactory>();
  const tests: TestEntry[] = [];
  const errors: LoadReport['errors'] = [];
  let registering: Suite | undefined;
  let prefix = '';
  let current = -1;
  let loaded = false;
  let learnerError: string | undefined;
  let learnerExports: object = freeze(createObject(null));
  let raceExports: unknown;
  // Nothing printed while a hidden test runs leaves the realm: it would show the hidden inputs.
  const inHiddenTest = () => current >= 0 && tests[current]?.suite === 'hidden';
  const captured = captureConsole(options.consoleLimit ?? CONSOLE_LIMIT, () => current, options.consoleSink, options.consoleEntryLimit ?? CONSOLE_ENTRY_LIMIT, inHiddenTest);

  const api: TestApi = freeze({
    test(name: string, fn: () => void, testOptions?: TestOptions) {
      if (!registering) throw new Error('test() can only be called while a test file loads.');
      if (typeof name !== 'string' || !name || typeof fn !== 'function') throw new TypeError('test(name, fn) needs a name and a function.');
      const fullName = capped(prefix + name, MAX_NAME);
      for (let i = 0; i < tests.length; i++) if (tests[i]!.name === fullName) throw new Error(`Two tests are named "${fullName}".`);
      const checks = testOptions?.checks;
      if (registering === 'hidden' && (typeof checks !== 'string' || !checks)) throw new TypeError(`Hidden test "${fullName}" needs { checks: '…' }: what a learner reads when it fails.`);
      const entry: TestEntry = { name: fullName, suite: registering, fn };
      if (registering === 'hidden') entry.checks = capped(checks!, MAX_NAME);
      tests[tests.length] = entry;
    },
    describe(name: string, fn: () => void) {
      if (!registering) throw new Error('describe() can only be called while a test file loads.');
      const outer = prefix;
      prefix = `${outer}${name} › `;
      try {
        fn();
      } finally {
        prefix = outer;
      }
    },
    expect,
  });
  const noExports = freeze(createObject(null));
  const addError = (module: string, message: string) => {
    if (errors.length < MAX_ERRORS) errors[errors.length] = { module, message: capped(message) };
  };

  if (options.globalConsole) (globalThis as Record<string, unknown>).console = captured.console;
  if (options.hideSource) hideFunctionSource();
  if (options.lockdown) lockdown(globalThis);

  const resolve = (specifier: string, from: string): unknown => {
    const name = withoutExtension(specifier);
    if (name === MODULES.testApi) return api;
    if (name === MODULES.types) return noExports;
    if (name === MODULES.solution && from !== MODULES.solution) return learnerExports;
    if (name === MODULES.race && from !== MODULES.solution && factories.has(MODULES.race)) return (raceExports ??= freeze(evaluate(MODULES.race)));
    throw new Error(`Cannot find module '${specifier}': exercise code runs without Node.js or npm modules.`);
  };

  const evaluate = (specifier: string): unknown => {
    const factory = factories.get(specifier);
    if (!factory) throw new Error(`Module ${specifier} was not provided.`);
    const record: { exports: unknown } = { exports: {} };
    apply(factory, undefined, [record.exports, (name: string) => resolve(name, specifier), record, captured.console]);
    return record.exports;
  };

  return {
    define(specifier, factory) {
      if (loaded) throw new Error('The harness has already loaded its modules.');
      factories.set(specifier, factory);
    },

    load() {
      if (loaded) throw new Error('load() runs once.');
      loaded = true;
      if (factories.has(MODULES.solution)) {
        // Tests see a frozen copy made now, while no test can be registered: a getter or Proxy in
        // the learner's exports cannot run during the tests' own loading. Reading the exports runs
        // learner code (ownKeys traps, getters), so it happens inside the same try.
        try {
          learnerExports = snapshot(evaluate(MODULES.solution));
        } catch (error) {
          learnerError = describeError(error);
          addError(MODULES.solution, learnerError);
        }
      }
      for (const [specifier, suite] of [[MODULES.visibleTests, 'visible'], [MODULES.hiddenTests, 'hidden']] as const) {
        if (!factories.has(specifier)) continue;
        registering = suite;
        try {
          evaluate(specifier);
        } catch (error) {
          addError(specifier, describeError(error));
        } finally {
          registering = undefined;
          prefix = '';
        }
      }
      const listed: RegisteredTest[] = [];
      for (let i = 0; i < tests.length; i++) {
        const { name, suite, checks } = tests[i]!;
        listed[i] = checks === undefined ? { name, suite } : { name, suite, checks };
      }
      return stringify({ tests: listed, errors });
    },

    run(index) {
      const entry = tests[index];
      if (!loaded || !entry) throw new RangeError(`No test number ${index}.`);
      const record = createObject(null) as TestRecord;
      record.index = index;
      record.name = entry.name;
      record.suite = entry.suite;
      record.passed = false;
      record.durationMs = 0;
      if (learnerError !== undefined) {
        record.failure = 'load-error';
        record.message = capped(`solution.ts did not load, so this test could not run.\n${learnerError}`);
        return stringify(entry.suite === 'hidden' ? redacted(record, entry.checks!) : record);
      }
      current = index;
      const started = now();
      try {
        const returned = apply(entry.fn, undefined, []);
        if (typeof returned === 'object' && returned !== null && typeof (returned as { then?: unknown }).then === 'function') {
          record.failure = 'error';
          record.message = 'This test returned a promise; exercise tests must be synchronous.';
        } else {
          record.passed = true;
        }
      } catch (error) {
        if (isAssertionFailure(error)) {
          record.failure = 'assertion';
          record.message = capped(error.message);
          if (error.expected !== undefined) record.expected = capped(error.expected);
          if (error.actual !== undefined) record.actual = capped(error.actual);
        } else {
          const message = describeError(error);
          record.failure = isMemoryError(message) ? 'memory' : 'error';
          record.message = capped(record.failure === 'memory' ? `Memory limit exceeded (${message}).` : message);
        }
      }
      record.durationMs = now() - started;
      current = -1;
      return stringify(entry.suite === 'hidden' ? redacted(record, entry.checks!) : record);
    },

    output() {
      return stringify(captured.report());
    },
  };
}

/**
 * A hidden test's record as it may leave the realm: whether it passed, how it failed, and the
 * author's description. Its message, values and timing would describe the hidden inputs (or carry
 * whatever learner code chose to encode in them).
 */
function redacted(record: TestRecord, checks: string): TestRecord {
  const kept = createObject(null) as TestRecord;
  kept.index = record.index;
  kept.name = record.name;
  kept.suite = record.suite;
  kept.passed = record.passed;
  kept.durationMs = 0;
  if (record.failure !== undefined) {
    kept.failure = record.failure;
    kept.message = checks;
  }
  return kept;
}

/** Every function prints as `function name() { [source hidden] }`; what is not a function still throws as the built-in does. */
function hideFunctionSource(): void {
  const original = Function.prototype.toString;
  const toString = function (this: unknown): string {
    if (typeof this !== 'function') return apply(original, this, []) as string;
    const name = getOwnPropertyDescriptor(this, 'name');
    return `function ${name && typeof name.value === 'string' ? name.value : ''}() { [source hidden] }`;
  };
  defineProperty(Function.prototype, 'toString', { value: toString, writable: true, configurable: true, enumerable: false });
}

function withoutExtension(specifier: string): string {
  for (const extension of EXTENSIONS) {
    if (specifier.length > extension.length && stringSlice(specifier, -extension.length) === extension) return stringSlice(specifier, 0, -extension.length);
  }
  return specifier;
}

function snapshot(exported: unknown): object {
  const copy = createObject(null) as Record<string, unknown>;
  if ((typeof exported === 'object' && exported !== null) || typeof exported === 'function') {
    for (const key of ownKeys(exported)) {
      if (typeof key !== 'string') continue;
      try {
        const descriptor = getOwnPropertyDescriptor(exported, key);
        const value = !descriptor ? undefined : 'value' in descriptor ? descriptor.value : descriptor.get ? apply(descriptor.get, exported, []) : undefined;
        defineProperty(copy, key, { value, enumerable: true });
      } catch {
        // An export that throws when read is simply missing; the tests that need it fail.
      }
    }
  }
  return freeze(copy);
}

function safeString(object: object, key: string): string {
  try {
    const value = (object as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

/** "TypeError: x is undefined" plus the learner's own stack frames (never the test files'). */
function describeError(error: unknown): string {
  if (typeof error !== 'object' || error === null) {
    const text = typeof error === 'string' ? stringify(error) : toStr(typeof error === 'symbol' ? 'a symbol' : error);
    return `Thrown: ${text}`;
  }
  const name = safeString(error, 'name') || 'Error';
  const message = safeString(error, 'message');
  let text = message ? `${name}: ${message}` : name;
  const lines = stringSplit(safeString(error, 'stack'), '\n');
  let kept = 0;
  for (let i = 0; i < lines.length && kept < 5; i++) {
    const line = lines[i]!;
    if (stringIncludes(line, 'solution.ts')) {
      text += `\n${line}`;
      kept++;
    }
  }
  return text;
}

const MEMORY_ERRORS = ['InternalError: out of memory', 'InternalError: string too long', 'RangeError: Invalid string length', 'RangeError: Array buffer allocation failed'];

/** QuickJS reports its memory limit as the first two; V8 (the browser runner) as the last two. */
function isMemoryError(message: string): boolean {
  for (const prefix of MEMORY_ERRORS) if (stringSlice(message, 0, prefix.length) === prefix) return true;
  return false;
}

function capped(text: string, limit = MAX_MESSAGE): string {
  return text.length > limit ? `${stringSlice(text, 0, limit)}…` : text;
}
