import { utf8ByteLength } from './submission';
import type { Verdict, VerdictTest } from './verdict';

/** The most a verdict may weigh as JSON, stored or sent: a page of test output, never a flood. */
export const VERDICT_BUDGET_BYTES = 8 * 1024;

/** Characters kept of each test's message, expected and received value, tried in turn until the verdict fits. */
const TEXT_STEPS = [600, 240, 80, 0];
const NAME_LIMIT = 120;

const weight = (verdict: Verdict) => utf8ByteLength(JSON.stringify(verdict));

function cut(text: string | undefined, limit: number): string | undefined {
  if (text === undefined || text.length <= limit) return text;
  return limit === 0 ? '…' : `${text.slice(0, limit)}…`;
}

function shortened(test: VerdictTest, limit: number, nameLimit: number): VerdictTest {
  const copy: VerdictTest = { ...test, name: cut(test.name, nameLimit)! };
  for (const key of ['message', 'expected', 'actual'] as const) {
    const text = cut(test[key], limit);
    if (text === undefined) delete copy[key];
    else copy[key] = text;
  }
  return copy;
}

/**
 * The verdict cut to `budget` bytes of JSON: the console first (the learner's own output), then
 * every test's texts, shorter at each step, then the names. Counts and statuses are never touched.
 * A verdict that had to be cut says so (`truncated`, and in its summary).
 */
export function fitVerdict(verdict: Verdict, budget = VERDICT_BUDGET_BYTES): Verdict {
  if (weight(verdict) <= budget) return verdict;
  const note = ` (The report was cut to fit ${Math.round(budget / 1024)} KB.)`;
  let fitted: Verdict = { ...verdict, truncated: true, summary: `${verdict.summary.slice(0, 400)}${note}`, console: { entries: [...verdict.console.entries], truncated: verdict.console.entries.length > 0 || verdict.console.truncated } };
  while (fitted.console.entries.length > 0 && weight(fitted) > budget) fitted.console.entries.pop();
  for (const limit of TEXT_STEPS) {
    if (weight(fitted) <= budget) return fitted;
    fitted = { ...fitted, tests: verdict.tests.map((test) => shortened(test, limit, NAME_LIMIT)) };
  }
  if (fitted.compileError) fitted = { ...fitted, compileError: { ...fitted.compileError, message: cut(fitted.compileError.message, 200)! } };
  // Past this, only the number of tests can be too large: keep the first ones that fit.
  while (fitted.tests.length > 0 && weight(fitted) > budget) fitted = { ...fitted, tests: fitted.tests.slice(0, -1) };
  return fitted;
}
