import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { RELEASE_SYNC, newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten';
import { loadReportSchema, parseReport, testRecordSchema } from '../../../lib/grading/harness-reports';
import { MODULES, type LoadReport, type RegisteredTest, type TestRecord } from '../../../lib/grading/harness/index';
import { transpileModule } from '../../../lib/grading/transpile';
import { EMPTY_CONSOLE, decideVerdict, type JudgeObservation, type Verdict, type VerdictTest } from '../../../lib/grading/verdict';
import { fitVerdict } from '../../../lib/grading/verdict-budget';
import { hiddenTestView, registeredDescription, withoutHiddenOutput } from '../../../lib/grading/hidden-tests';
import type { JudgeJob } from './protocol';
import { Session } from './quickjs-session';

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

/** Wasm memory beyond the learner's budget: the module's static data and stack, the runtime, the harness. */
const HEADROOM_BYTES = 8 * 1024 * 1024;
const PAGE_BYTES = 64 * 1024;
/** A fresh wasm instance after this many submissions, so allocator fragmentation never builds up. */
const RECYCLE_AFTER = 500;
const CACHE_ENTRIES = 64;

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
      // Rebuilt from the registration, whatever the isolate reported: the harness shares its realm with learner code.
      observed.tests = observed.tests.map((test, index) => (test.suite === 'hidden' ? hiddenTestView(test, registeredDescription(tests.registered, index, test.name)) : test));
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
