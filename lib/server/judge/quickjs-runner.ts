import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { RELEASE_SYNC, newQuickJSWASMModuleFromVariant, newVariant, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime, type QuickJSWASMModule } from 'quickjs-emscripten';
import { loadReportSchema, parseReport, testRecordSchema } from '../../grading/harness-reports';
import { MAX_MESSAGE, MODULES, type LoadReport, type RegisteredTest, type TestRecord } from '../../grading/harness/index';
import type { ConsoleEntry, ConsoleLevel, ConsoleReport } from '../../grading/harness/console';
import { transpileModule } from '../../grading/transpile';
import { EMPTY_CONSOLE, decideVerdict, type JudgeObservation, type Verdict, type VerdictTest } from '../../grading/verdict';
import { fitVerdict } from '../../grading/verdict-budget';
import type { JudgeJob, JudgeLimits } from './protocol';

/*
 * One submission = one fresh QuickJS runtime, run inside a worker thread (./worker-main.ts).
 *
 * Isolation. QuickJS is an interpreter compiled to WebAssembly: learner code sees only what the
 * context holds, and we add nothing but the harness and one host function that receives console
 * text. There is no require, process, fs, fetch, timer or module loader, and the host never runs
 * pending promise jobs, so `import()` and any other async continuation simply never happen. The
 * worker thread keeps all of this off the server's request thread.
 *
 * Limits.
 * - Time: an interrupt handler, polled by the interpreter, stops the run once the deadline passes.
 *   The interrupt cannot be caught and it keeps firing, so `try { while (true) {} } catch {}` and
 *   `finally` blocks stop too. The pool also terminates a worker that overruns by a wide margin.
 * - Memory: QuickJS's own limit (setMemoryLimit) only bounds single allocations in this wasm build
 *   (it cannot measure block sizes, quickjs-emscripten issues #255/#271), so the real cap is the
 *   wasm memory itself: a fixed-size WebAssembly.Memory of `memoryBytes` plus headroom, which cannot
 *   grow. Past it malloc fails and QuickJS throws "out of memory" (or, when even that cannot be
 *   allocated, null); the grow attempt is what tells the host the cap was hit.
 * - Stack: 256 KiB. QuickJS counts its stack in wasm memory, but deep native recursion (JSON.stringify
 *   of a 100 000-deep object) also consumes the worker's own V8 stack; past that V8 throws through
 *   the wasm and poisons the module. 256 KiB with an 8 MiB worker stack survived every deep-recursion
 *   case we tried, and still allows about 1 300 nested learner calls.
 *
 * Anti-forgery: see the trust model in lib/grading/harness/index.ts. The host only reads the return
 * values of the harness's own `load` and `run`, validates each with zod, checks the tests that
 * registered against those the same test files register with an empty solution, and derives the
 * verdict itself (decideVerdict). Console output arrives through one host function taking strings;
 * it is data for display, never parsed.
 */

const STACK_BYTES = 256 * 1024;
/** Wasm memory beyond the learner's budget: the module's static data and stack, the runtime, the harness. */
const HEADROOM_BYTES = 8 * 1024 * 1024;
const PAGE_BYTES = 64 * 1024;
/** A fresh wasm instance after this many submissions, so allocator fragmentation never builds up. */
const RECYCLE_AFTER = 500;
const CACHE_ENTRIES = 64;
const LEVELS: ReadonlySet<string> = new Set<ConsoleLevel>(['log', 'info', 'warn', 'error', 'debug']);
/**
 * Console output a submission keeps: the harness cuts to these inside the isolate and the host
 * again on receipt, both well inside the verdict's byte budget.
 */
const CONSOLE_CHARS = 4096;
const CONSOLE_ENTRIES = 100;
const CONSOLE_LINE_CHARS = 1000;
/** Characters kept of any error text the host reads out of the isolate itself. */
const HOST_TEXT_CHARS = MAX_MESSAGE;

const cap = (text: string, limit = HOST_TEXT_CHARS) => (text.length > limit ? `${text.slice(0, limit)}…` : text);

/**
 * The QuickJS wasm, compiled once per worker, and the current instance with its fixed memory.
 * Instances are cheap (tens of ms) and share the compiled (and, once warm, optimised) code.
 */
export class QuickJsEngine {
  private module: QuickJSWASMModule | undefined;
  private memoryBytes = 0;
  private uses = 0;
  /** Set when the allocator tried to grow past the cap since the last reset. */
  exhausted = false;

  private constructor(private readonly wasm: WebAssembly.Module) {}

  static create(): QuickJsEngine {
    const resolve = createRequire(path.join(process.cwd(), 'package.json')).resolve;
    return new QuickJsEngine(new WebAssembly.Module(readFileSync(resolve('@jitl/quickjs-wasmfile-release-sync/wasm'))));
  }

  /** An instance whose memory fits `memoryBytes` for the learner; a new one after a cap was hit or many uses. */
  async moduleFor(memoryBytes: number): Promise<QuickJSWASMModule> {
    if (this.module && this.memoryBytes === memoryBytes && !this.exhausted && this.uses < RECYCLE_AFTER) {
      this.uses++;
      return this.module;
    }
    const pages = Math.ceil((memoryBytes + HEADROOM_BYTES) / PAGE_BYTES);
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    // Emscripten grows the heap by calling memory.grow; with a fixed maximum that always fails.
    // Recording the attempt is how the host learns the learner's code hit the cap.
    const grow = memory.grow.bind(memory);
    memory.grow = (delta: number) => {
      this.exhausted = true;
      return grow(delta);
    };
    this.module = await newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, { wasmModule: this.wasm, wasmMemory: memory }));
    this.memoryBytes = memoryBytes;
    this.uses = 1;
    this.exhausted = false;
    return this.module;
  }

  /** Forget the instance (after a host-side failure that may have left it inconsistent). */
  discard(): void {
    this.module = undefined;
  }
}

/** A QuickJS call's outcome, with the thrown value described as text. */
type CallResult = { ok: true; text: string } | { ok: false; error: string; interrupted: boolean; outOfMemory: boolean };

/** The QuickJS error text for a full heap. */
const isOutOfMemory = (error: string) => /\bout of memory\b|\bstring too long\b/.test(error);

/** A fresh runtime and context with limits, the harness loaded and locked down. */
class Session {
  readonly runtime: QuickJSRuntime;
  readonly context: QuickJSContext;
  private deadline: number;
  private interrupted = false;
  private readonly handles: QuickJSHandle[] = [];
  private harness: { define: QuickJSHandle; load: QuickJSHandle; run: QuickJSHandle } | undefined;
  private readonly entries: ConsoleEntry[] = [];
  private consoleChars = 0;
  private consoleTruncated = false;
  private consoleLineCut = false;

  constructor(
    module: QuickJSWASMModule,
    limits: JudgeLimits,
    private readonly memoryExhausted: () => boolean,
  ) {
    this.runtime = module.newRuntime();
    this.runtime.setMemoryLimit(limits.memoryBytes);
    this.runtime.setMaxStackSize(STACK_BYTES);
    this.deadline = performance.now() + limits.timeMs;
    this.runtime.setInterruptHandler(() => {
      if (performance.now() <= this.deadline) return false;
      this.interrupted = true;
      return true;
    });
    this.context = this.runtime.newContext();
  }

  /** True once the learner's code made the allocator ask for more than the cap. */
  get outOfMemory(): boolean {
    return this.memoryExhausted();
  }

  /** Loads the harness script; its completion value is the harness module's exports. */
  startHarness(script: string): void {
    const exported = this.keep(this.context.unwrapResult(this.context.evalCode(script, 'harness.js')));
    const create = this.keep(this.context.getProp(exported, 'createHarness'));
    const options = this.keep(this.context.newObject());
    this.context.setProp(options, 'lockdown', this.context.true);
    this.context.setProp(options, 'globalConsole', this.context.true);
    this.context.setProp(options, 'hideSource', this.context.true);
    this.context.setProp(options, 'consoleLimit', this.keep(this.context.newNumber(CONSOLE_CHARS)));
    this.context.setProp(options, 'consoleEntryLimit', this.keep(this.context.newNumber(CONSOLE_ENTRIES)));
    this.context.setProp(options, 'consoleSink', this.keep(this.context.newFunction('consoleSink', (level, text, test) => this.record(level, text, test))));
    const harness = this.keep(this.context.unwrapResult(this.context.callFunction(create, this.context.undefined, options)));
    const method = (name: string) => this.keep(this.context.getProp(harness, name));
    this.harness = { define: method('define'), load: method('load'), run: method('run') };
  }

  /** The console output received so far. */
  consoleReport(): ConsoleReport {
    return { entries: this.entries, truncated: this.consoleTruncated || this.consoleLineCut };
  }

  /** The one host function the isolate can call. It takes strings only and keeps at most CONSOLE_CHARS characters in CONSOLE_ENTRIES entries. */
  private record(level: QuickJSHandle, text: QuickJSHandle, test: QuickJSHandle): void {
    const ctx = this.context;
    if (ctx.typeof(level) !== 'string' || ctx.typeof(text) !== 'string' || ctx.typeof(test) !== 'number') return;
    const levelName = ctx.getString(level);
    if (levelName === 'truncated') this.consoleTruncated = true;
    if (!LEVELS.has(levelName) || this.consoleTruncated) return;
    if (this.entries.length >= CONSOLE_ENTRIES) {
      this.consoleTruncated = true;
      return;
    }
    let line = ctx.getString(text);
    if (line.length > CONSOLE_LINE_CHARS) {
      line = cap(line, CONSOLE_LINE_CHARS);
      this.consoleLineCut = true;
    }
    if (this.consoleChars + line.length >= CONSOLE_CHARS) {
      line = line.slice(0, CONSOLE_CHARS - this.consoleChars);
      this.consoleTruncated = true;
    }
    this.consoleChars += line.length;
    const index = ctx.getNumber(test);
    this.entries.push({ level: levelName as ConsoleLevel, text: line, test: Number.isInteger(index) && index >= -1 ? index : -1 });
  }

  /** Compiles one module's CommonJS body as a factory and hands it to the harness. Learner code does not run yet. */
  defineModule(specifier: string, code: string, file: string): { ok: true } | { ok: false; error: string; interrupted: boolean } {
    const result = this.context.evalCode(`(function (exports, require, module, console) {${code}\n})`, file);
    if (result.error) {
      const error = this.describe(result.error);
      result.error.dispose();
      return { ok: false, error, interrupted: this.interrupted };
    }
    const factory = this.keep(result.value);
    const name = this.keep(this.context.newString(specifier));
    const defined = this.context.callFunction(this.harness!.define, this.context.undefined, name, factory);
    if (defined.error) {
      const error = this.describe(defined.error);
      defined.error.dispose();
      return { ok: false, error, interrupted: this.interrupted };
    }
    defined.value.dispose();
    return { ok: true };
  }

  load(): CallResult {
    return this.call(this.harness!.load);
  }

  run(index: number): CallResult {
    const argument = this.keep(this.context.newNumber(index));
    return this.call(this.harness!.run, argument);
  }

  dispose(): void {
    for (const handle of this.handles.splice(0).reverse()) if (handle.alive) handle.dispose();
    this.context.dispose();
    this.runtime.dispose();
  }

  private call(fn: QuickJSHandle, ...args: QuickJSHandle[]): CallResult {
    const result = this.context.callFunction(fn, this.context.undefined, ...args);
    if (result.error) {
      const error = this.describe(result.error);
      result.error.dispose();
      return { ok: false, error, interrupted: this.interrupted, outOfMemory: this.memoryExhausted() || isOutOfMemory(error) };
    }
    try {
      if (this.context.typeof(result.value) !== 'string') return { ok: false, error: 'the harness returned a non-string', interrupted: false, outOfMemory: false };
      return { ok: true, text: this.context.getString(result.value) };
    } finally {
      result.value.dispose();
    }
  }

  /** A thrown value as "Name: message", read without calling into learner code where avoidable. */
  private describe(error: QuickJSHandle): string {
    try {
      const type = this.context.typeof(error);
      if (type === 'string') return cap(this.context.getString(error));
      if (type !== 'object') return `a thrown ${type}`;
      const read = (key: string) => {
        const value = this.context.getProp(error, key);
        try {
          return this.context.typeof(value) === 'string' ? this.context.getString(value) : '';
        } finally {
          value.dispose();
        }
      };
      const name = cap(read('name'), 100);
      const message = cap(read('message'));
      return message ? `${name || 'Error'}: ${message}` : name || 'Error';
    } catch {
      return 'an unreadable error';
    }
  }

  private keep(handle: QuickJSHandle): QuickJSHandle {
    this.handles.push(handle);
    return handle;
  }
}

/** Transpiled test files and the tests they register against an empty solution, per exercise version. */
interface PreparedTests {
  visible: string;
  hidden: string;
  /** The race module's code, when the tests import it (the capstone). */
  race?: string;
  registered: RegisteredTest[];
}

/** Judges submissions in QuickJS. One per worker thread; every submission gets its own runtime. */
export class QuickJsJudge {
  private readonly prepared = new Map<string, PreparedTests>();

  constructor(
    private readonly engine: QuickJsEngine,
    private readonly script: string,
    /** Builds the race module on demand; only the capstone's tests import it. */
    private readonly raceScript: () => string = () => {
      throw new Error('This judge has no race module.');
    },
  ) {}

  async judge(job: JudgeJob): Promise<Verdict> {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    const { exerciseId, limits } = job;
    const tests = await this.prepare(job);
    const notRun = (message: string): VerdictTest[] => tests.registered.map(({ name, suite }) => ({ name, suite, passed: false, durationMs: 0, failure: 'not-run', message }));

    const learner = transpileModule(job.code, 'solution.ts');
    if (!learner.ok) {
      return fitVerdict(decideVerdict({ exerciseId, tests: notRun('Not run: solution.ts does not compile.'), console: EMPTY_CONSOLE, durationMs: elapsed(), limits, compileError: learner.error }));
    }

    const session = new Session(await this.engine.moduleFor(limits.memoryBytes), limits, () => this.engine.exhausted);
    try {
      session.startHarness(this.script);
      const observed = this.execute(session, job, learner.code, tests, notRun);
      observed.console = withoutHiddenOutput(session.consoleReport(), tests.registered);
      observed.tests = observed.tests.map((test, index) => (test.suite === 'hidden' ? hiddenView(test, tests.registered[index]) : test));
      observed.durationMs = elapsed();
      return fitVerdict(decideVerdict(observed));
    } finally {
      session.dispose();
    }
  }

  private execute(session: Session, job: JudgeJob, learnerCode: string, tests: PreparedTests, notRun: (message: string) => VerdictTest[]): JudgeObservation {
    const base = { exerciseId: job.exerciseId, console: EMPTY_CONSOLE, durationMs: 0, limits: job.limits };
    if (tests.race !== undefined) {
      const race = session.defineModule(MODULES.race, tests.race, 'race.js');
      if (!race.ok) return { ...base, tests: notRun('Not run: the time limit was reached first.'), stopped: { limit: 'time', during: 'loading solution.ts' } };
    }
    const defined = session.defineModule(MODULES.solution, learnerCode, 'solution.ts');
    if (!defined.ok) {
      if (session.outOfMemory) return { ...base, tests: notRun('Not run: memory ran out while solution.ts loaded.'), stopped: { limit: 'memory', during: 'loading solution.ts' } };
      if (defined.interrupted) return { ...base, tests: notRun('Not run: the time limit was reached first.'), stopped: { limit: 'time', during: 'loading solution.ts' } };
      return { ...base, tests: notRun('Not run: solution.ts does not compile.'), compileError: { file: 'solution.ts', message: defined.error } };
    }
    for (const [specifier, code, file] of [[MODULES.visibleTests, tests.visible, 'visible.test.ts'], [MODULES.hiddenTests, tests.hidden, 'hidden.test.ts']] as const) {
      const result = session.defineModule(specifier, code, file);
      if (!result.ok) {
        if (result.interrupted) return { ...base, tests: notRun('Not run: the time limit was reached first.'), stopped: { limit: 'time', during: 'loading solution.ts' } };
        throw new Error(`${file} does not compile in QuickJS: ${result.error}`);
      }
    }

    const loaded = session.load();
    if (!loaded.ok) {
      if (loaded.interrupted) return { ...base, tests: notRun('Not run: the time limit was reached while solution.ts loaded.'), stopped: { limit: 'time', during: 'loading solution.ts' } };
      if (loaded.outOfMemory) return { ...base, tests: notRun('Not run: memory ran out while solution.ts loaded.'), stopped: { limit: 'memory', during: 'loading solution.ts' } };
      return { ...base, tests: notRun(`Not run: ${loaded.error}`), integrityProblem: `the harness could not load the tests (${loaded.error}).` };
    }
    const report = parseReport(loadReportSchema, loaded.text);
    if (session.outOfMemory) return { ...base, tests: notRun('Not run: memory ran out while solution.ts loaded.'), stopped: { limit: 'memory', during: 'loading solution.ts' } };
    const integrityProblem = compareRegistrations(report, tests.registered);
    if (integrityProblem) return { ...base, tests: notRun(`Not run: ${integrityProblem}`), integrityProblem };

    const results: VerdictTest[] = [];
    let stopped: { limit: 'time' | 'memory' } | undefined;
    for (const [index, { name, suite }] of report.tests.entries()) {
      if (stopped) {
        results.push({ name, suite, passed: false, durationMs: 0, failure: 'not-run', message: `Not run: the ${stopped.limit} limit was reached in an earlier test.` });
        continue;
      }
      const ran = session.run(index);
      if (ran.ok) {
        const record = parseReport(testRecordSchema, ran.text);
        if (record.index !== index || record.name !== name) throw new Error(`the harness answered for test ${record.index}, not ${index}`);
        const test = withoutIndex(record);
        // Past the cap QuickJS may throw null instead of an error; the failed grow is the reliable sign.
        if (session.outOfMemory && test.failure !== 'memory') Object.assign(test, { passed: false, failure: 'memory', message: `Memory limit exceeded.${test.message ? ` (${test.message})` : ''}` });
        results.push(test);
        if (test.failure === 'memory') stopped = { limit: 'memory' };
      } else if (ran.interrupted) {
        results.push({ name, suite, passed: false, durationMs: job.limits.timeMs, failure: 'timeout', message: `Stopped: the submission's ${job.limits.timeMs} ms time limit ran out during this test.` });
        stopped = { limit: 'time' };
      } else if (ran.outOfMemory) {
        results.push({ name, suite, passed: false, durationMs: 0, failure: 'memory', message: 'Memory limit exceeded.' });
        stopped = { limit: 'memory' };
      } else {
        results.push({ name, suite, passed: false, durationMs: 0, failure: 'error', message: `The test could not be run: ${ran.error}` });
      }
    }
    return { ...base, tests: results };
  }

  /** Transpiles the test files and learns the tests they register, once per distinct pair of files. */
  private async prepare(job: JudgeJob): Promise<PreparedTests> {
    const key = `${job.exerciseId}\u0000${job.visibleTests}\u0000${job.hiddenTests}`;
    const known = this.prepared.get(key);
    if (known) return known;
    const compile = (source: string, file: string) => {
      const result = transpileModule(source, file);
      if (!result.ok) throw new Error(`${job.exerciseId}/${file} does not compile: ${result.error.message}`);
      return result.code;
    };
    const visible = compile(job.visibleTests, 'visible.test.ts');
    const hidden = compile(job.hiddenTests, 'hidden.test.ts');
    const race = [job.visibleTests, job.hiddenTests].some((source) => source.includes(MODULES.race)) ? this.raceScript() : undefined;
    const session = new Session(await this.engine.moduleFor(job.limits.memoryBytes), { timeMs: 2000, memoryBytes: job.limits.memoryBytes }, () => this.engine.exhausted);
    let registered: RegisteredTest[];
    try {
      session.startHarness(this.script);
      const modules: [string, string | undefined, string][] = [
        [MODULES.race, race, 'race.js'],
        [MODULES.visibleTests, visible, 'visible.test.ts'],
        [MODULES.hiddenTests, hidden, 'hidden.test.ts'],
      ];
      for (const [specifier, code, file] of modules) {
        if (code === undefined) continue;
        const defined = session.defineModule(specifier, code, file);
        if (!defined.ok) throw new Error(`${job.exerciseId}/${file} does not load: ${defined.error}`);
      }
      const loaded = session.load();
      if (!loaded.ok) throw new Error(`${job.exerciseId}: the tests do not load: ${loaded.error}`);
      const report = parseReport(loadReportSchema, loaded.text);
      if (report.errors.length) throw new Error(`${job.exerciseId}: the tests do not load without a solution: ${report.errors.map((e) => e.message).join('; ')}`);
      registered = report.tests;
    } finally {
      session.dispose();
    }
    if (this.prepared.size >= CACHE_ENTRIES) this.prepared.delete(this.prepared.keys().next().value!);
    const prepared = { visible, hidden, race, registered };
    this.prepared.set(key, prepared);
    return prepared;
  }
}

/**
 * A hidden test as the learner sees it, whatever the isolate reported: name, outcome and, when it
 * failed, the description its file registered with no learner code loaded (`registered`).
 */
function hiddenView(test: VerdictTest, registered: RegisteredTest | undefined): VerdictTest {
  const view: VerdictTest = { name: test.name, suite: 'hidden', passed: test.passed, durationMs: 0 };
  if (test.failure) {
    view.failure = test.failure;
    view.message = registered?.name === test.name && registered.checks ? registered.checks : 'A hidden test failed.';
  }
  return view;
}

/** Console output written before the first hidden test began, the only output a learner gets back. */
function withoutHiddenOutput(report: ConsoleReport, registered: readonly RegisteredTest[]): ConsoleReport {
  const firstHidden = registered.findIndex((test) => test.suite === 'hidden');
  if (firstHidden < 0) return report;
  return { entries: report.entries.filter((entry) => entry.test < firstHidden), truncated: report.truncated };
}

/** Why the tests that loaded with the learner's code differ from those the test files register on their own, if they do. */
function compareRegistrations(report: LoadReport, expected: readonly RegisteredTest[]): string | undefined {
  const testFileError = report.errors.find((error) => error.module !== MODULES.solution);
  if (testFileError) return `${testFileError.module} failed to load (${testFileError.message}).`;
  const same = report.tests.length === expected.length && report.tests.every((test, i) => test.name === expected[i]!.name && test.suite === expected[i]!.suite && test.checks === expected[i]!.checks);
  return same ? undefined : `expected ${expected.length} tests, but ${report.tests.length} registered.`;
}

function withoutIndex(record: TestRecord): VerdictTest {
  const test: VerdictTest = { name: record.name, suite: record.suite, passed: record.passed, durationMs: record.durationMs };
  if (record.failure) test.failure = record.failure;
  if (record.message !== undefined) test.message = record.message;
  if (record.expected !== undefined) test.expected = record.expected;
  if (record.actual !== undefined) test.actual = record.actual;
  return test;
}
