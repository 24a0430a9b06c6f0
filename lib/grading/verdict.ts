import { z } from 'zod';
import type { ConsoleReport } from './harness/console';
import type { FailureKind, Suite } from './harness/index';
import { consoleReportSchema } from './harness-reports';
import type { CompileError } from './transpile';

/**
 * What a submission earned. `accepted` only when every visible and hidden test ran and passed;
 * the limits and refusals each have their own status so the page can say exactly what happened.
 */
export const VERDICT_STATUSES = ['accepted', 'rejected', 'compile-error', 'time-limit', 'memory-limit', 'too-large', 'rate-limited', 'unavailable', 'internal-error'] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

/** Why a test did not pass: the harness's kinds plus the judge's own (`timeout`: stopped at the time limit; `not-run`: never reached). */
export type TestFailure = FailureKind | 'timeout' | 'not-run';

/** One test in a verdict. A hidden test appears with its name and, when it failed, its author-written description as the message. */
export interface VerdictTest {
  name: string;
  suite: Suite;
  passed: boolean;
  durationMs: number;
  failure?: TestFailure;
  message?: string;
  expected?: string;
  actual?: string;
}

export interface SuiteCount {
  passed: number;
  total: number;
}

export interface Verdict {
  exerciseId: string;
  status: VerdictStatus;
  /** One sentence for the page and the terminal's last line. */
  summary: string;
  tests: VerdictTest[];
  counts: { passed: number; total: number; visible: SuiteCount; hidden: SuiteCount };
  /** The learner's console output, capped. */
  console: ConsoleReport;
  compileError?: CompileError;
  /** For `rate-limited` and `unavailable`: when a retry may succeed. */
  retryAfterMs?: number;
  /** Wall time the judge spent, from receiving the code to the verdict. */
  durationMs: number;
  /** The limits this submission ran under. */
  limits: { timeMs: number; memoryBytes: number };
  /** Set when the report was cut to the verdict byte budget (./verdict-budget.ts). */
  truncated?: boolean;
}

const testFailures = ['assertion', 'error', 'memory', 'load-error', 'timeout', 'not-run'] as const satisfies readonly TestFailure[];
const suiteCount = z.strictObject({ passed: z.number().int().min(0), total: z.number().int().min(0) });

/** The verdict's wire shape, for whoever stores it or sends it to the browser. */
export const verdictSchema = z.strictObject({
  exerciseId: z.string().min(1),
  status: z.enum(VERDICT_STATUSES),
  summary: z.string(),
  tests: z.array(
    z.strictObject({
      name: z.string().min(1),
      suite: z.enum(['visible', 'hidden']),
      passed: z.boolean(),
      durationMs: z.number().min(0),
      failure: z.enum(testFailures).optional(),
      message: z.string().optional(),
      expected: z.string().optional(),
      actual: z.string().optional(),
    }),
  ),
  counts: z.strictObject({ passed: z.number().int().min(0), total: z.number().int().min(0), visible: suiteCount, hidden: suiteCount }),
  console: consoleReportSchema,
  compileError: z.strictObject({ file: z.string(), message: z.string(), line: z.number().int().optional(), column: z.number().int().optional() }).optional(),
  retryAfterMs: z.number().int().min(0).optional(),
  durationMs: z.number().min(0),
  limits: z.strictObject({ timeMs: z.number().int().positive(), memoryBytes: z.number().int().positive() }),
  truncated: z.boolean().optional(),
}) satisfies z.ZodType<Verdict>;

export const EMPTY_CONSOLE: ConsoleReport = { entries: [], truncated: false };

/** What the judge observed; `decideVerdict` turns it into a status, counts and a summary. */
export interface JudgeObservation {
  exerciseId: string;
  tests: VerdictTest[];
  console: ConsoleReport;
  durationMs: number;
  limits: Verdict['limits'];
  compileError?: CompileError;
  /** The test files did not register the tests they register against an empty solution: someone tampered, or the judge broke. */
  integrityProblem?: string;
  /** A limit stopped the run outside any test (while solution.ts loaded, say); `during` finishes "…during ___". */
  stopped?: { limit: 'time' | 'memory'; during: string };
}

/** The status follows from the tests alone, in this order: compile error, time limit, memory limit, then all passed or not. */
export function decideVerdict(observed: JudgeObservation): Verdict {
  const { tests, limits } = observed;
  const counts = countTests(tests);
  const timedOut = tests.find((test) => test.failure === 'timeout');
  const outOfMemory = tests.find((test) => test.failure === 'memory');
  const stopped = observed.stopped ?? (timedOut ? { limit: 'time', during: `"${timedOut.name}"` } : outOfMemory ? { limit: 'memory', during: `"${outOfMemory.name}"` } : undefined);
  const base = { exerciseId: observed.exerciseId, tests, counts, console: observed.console, durationMs: observed.durationMs, limits };

  if (observed.compileError) {
    const { message, line, column } = observed.compileError;
    const where = line === undefined ? '' : ` (line ${line}${column === undefined ? '' : `, column ${column}`})`;
    return { ...base, status: 'compile-error', compileError: observed.compileError, summary: `${observed.compileError.file} does not compile: ${message}${where}.` };
  }
  if (stopped?.limit === 'time') {
    return { ...base, status: 'time-limit', summary: `Stopped at the ${limits.timeMs} ms time limit during ${stopped.during}: an endless loop, or far too slow.` };
  }
  if (stopped?.limit === 'memory') {
    return { ...base, status: 'memory-limit', summary: `Ran out of memory (the limit is ${formatBytes(limits.memoryBytes)}) during ${stopped.during}.` };
  }
  if (observed.integrityProblem) {
    return { ...base, status: 'rejected', summary: `The tests did not run as written: ${observed.integrityProblem}` };
  }
  if (counts.total > 0 && counts.passed === counts.total) {
    return { ...base, status: 'accepted', summary: `Accepted: all ${counts.total} tests passed (${counts.visible.total} visible, ${counts.hidden.total} hidden).` };
  }
  const failedVisible = counts.visible.total - counts.visible.passed;
  const failedHidden = counts.hidden.total - counts.hidden.passed;
  return { ...base, status: 'rejected', summary: `${counts.total - counts.passed} of ${counts.total} tests failed (${failedVisible} visible, ${failedHidden} hidden).` };
}

/** A verdict for a submission the judge refused or could not run: nothing was executed. */
export function refusedVerdict(
  exerciseId: string,
  status: Extract<VerdictStatus, 'too-large' | 'rate-limited' | 'unavailable' | 'internal-error'>,
  summary: string,
  limits: Verdict['limits'],
  extra: { retryAfterMs?: number; tests?: VerdictTest[]; durationMs?: number } = {},
): Verdict {
  const tests = extra.tests ?? [];
  const verdict: Verdict = { exerciseId, status, summary, tests, counts: countTests(tests), console: EMPTY_CONSOLE, durationMs: extra.durationMs ?? 0, limits };
  if (extra.retryAfterMs !== undefined) verdict.retryAfterMs = extra.retryAfterMs;
  return verdict;
}

function countTests(tests: readonly VerdictTest[]): Verdict['counts'] {
  const count = (suite?: Suite): SuiteCount => {
    const inSuite = suite ? tests.filter((test) => test.suite === suite) : tests;
    return { passed: inSuite.filter((test) => test.passed).length, total: inSuite.length };
  };
  const all = count();
  return { passed: all.passed, total: all.total, visible: count('visible'), hidden: count('hidden') };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
