import * as raceModule from '@/lib/capstone/race';
import type { ConsoleReport, ConsoleSink } from './harness/console';
import { createHarness, MODULES, type LoadReport, type ModuleFactory, type TestRecord } from './harness/index';
import { consoleReportSchema, loadReportSchema, parseReport, testRecordSchema } from './harness-reports';
import { transpileModule, type CompileError } from './transpile';

/*
 * Running exercise tests in the current realm, without the judge's isolate: for code we trust
 * (authoring checks that run the tests against the engine) and for the browser runner, whose
 * realm is itself a throwaway worker in a sandboxed iframe. The judge never uses this.
 */

/**
 * Compiles one transpiled module into a factory the harness can link; `file` names it in stack
 * traces. Indirect eval of a function expression, not `new Function`, which would push every line
 * number down by two.
 */
export function compileModule(code: string, file: string): ModuleFactory {
  const evaluate = globalThis.eval;
  return evaluate(`(function (exports, require, module, console) {${code}\n})\n//# sourceURL=${file}`) as ModuleFactory;
}

/** A module already loaded in this realm (an adapter over the engine), offered to the tests as ./solution. */
export function moduleOf(exports: object): ModuleFactory {
  return (_exports, _require, module) => {
    module.exports = exports;
  };
}

export interface LocalRunOptions {
  /** The learner's TypeScript, or a module object already loaded here. */
  solution: string | object;
  visibleTests: string;
  hiddenTests?: string;
  /** Freeze this realm's built-ins first: only in a realm that will be thrown away. */
  lockdown: boolean;
  consoleSink?: ConsoleSink;
}

export type LocalRunResult = { ok: true; load: LoadReport; tests: TestRecord[]; console: ConsoleReport } | { ok: false; compileError: CompileError };

/** Transpiles, links and runs the tests in this realm, one after another. No time limit: the caller's worker has one. */
export function runTestsLocally(options: LocalRunOptions): LocalRunResult {
  const harness = createHarness({ lockdown: options.lockdown, consoleSink: options.consoleSink });
  harness.define(MODULES.race, moduleOf({ ...raceModule }));
  const files: [string, string | undefined, string][] = [
    [MODULES.visibleTests, options.visibleTests, 'visible.test.ts'],
    [MODULES.hiddenTests, options.hiddenTests, 'hidden.test.ts'],
  ];
  if (typeof options.solution === 'string') files.unshift([MODULES.solution, options.solution, 'solution.ts']);
  else harness.define(MODULES.solution, moduleOf(options.solution));
  for (const [specifier, source, file] of files) {
    if (source === undefined) continue;
    const transpiled = transpileModule(source, file);
    if (!transpiled.ok) return { ok: false, compileError: transpiled.error };
    harness.define(specifier, compileModule(transpiled.code, file));
  }
  const load = parseReport(loadReportSchema, harness.load());
  const tests = load.tests.map((_, index) => parseReport(testRecordSchema, harness.run(index)));
  return { ok: true, load, tests, console: parseReport(consoleReportSchema, harness.output()) };
}
