import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten';
import type { ConsoleEntry, ConsoleLevel, ConsoleReport } from '../../../lib/grading/harness/console';
import { MAX_MESSAGE } from '../../../lib/grading/harness/index';
import type { JudgeLimits } from './protocol';

/*
 * One submission's QuickJS runtime: its limits (see ./quickjs-runner.ts for why each is what it
 * is), the harness loaded into it, and the one host function the isolate may call, the console.
 * Every string read out of the isolate is capped here, whatever the harness already did.
 */

const STACK_BYTES = 256 * 1024;
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

/** A QuickJS call's outcome, with the thrown value described as text. */
export type CallResult = { ok: true; text: string } | { ok: false; error: string; interrupted: boolean; outOfMemory: boolean };

/** The QuickJS error text for a full heap. */
const isOutOfMemory = (error: string) => /\bout of memory\b|\bstring too long\b/.test(error);

/** A fresh runtime and context with limits, the harness loaded and locked down. */
export class Session {
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
