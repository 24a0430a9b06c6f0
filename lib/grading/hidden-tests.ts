import type { ConsoleReport } from './harness/console';
import type { RegisteredTest } from './harness/index';
import type { VerdictTest } from './verdict';

/** What a failed hidden test says when its description cannot be matched to it. */
export const HIDDEN_FALLBACK = 'A hidden test failed.';

/**
 * A hidden test as a learner may see it: its name, whether it passed and, when it failed, how and
 * `description` (the author's `checks`). No message, value or timing of the hidden run.
 */
export function hiddenTestView(test: VerdictTest, description: string): VerdictTest {
  const { name, passed, failure } = test;
  return failure === undefined ? { name, suite: 'hidden', passed, durationMs: 0 } : { name, suite: 'hidden', passed, durationMs: 0, failure, message: description };
}

/** The description the test files registered for test `index` (with no learner code loaded), if it is that test. */
export function registeredDescription(registered: readonly RegisteredTest[], index: number, name: string): string {
  const entry = registered[index];
  return entry?.name === name && entry.checks ? entry.checks : HIDDEN_FALLBACK;
}

/** Console output written before the first hidden test began: the only output a learner gets back. */
export function withoutHiddenOutput(report: ConsoleReport, registered: readonly RegisteredTest[]): ConsoleReport {
  const firstHidden = registered.findIndex((test) => test.suite === 'hidden');
  if (firstHidden < 0) return report;
  return { entries: report.entries.filter((entry) => entry.test < firstHidden), truncated: report.truncated };
}
