import type { ConsoleEntry, ConsoleLevel } from '@/lib/grading/harness/console';
import type { LocalRunResult } from '@/lib/grading/local-run';
import type { Verdict, VerdictTest } from '@/lib/grading/verdict';

/*
 * Run and Submit results as a test runner prints them, in ANSI for the xterm pane: ✓/✗ per test,
 * expected vs received, the learner's console output under the test that wrote it, a summary.
 * Pure, so the wording is tested without a terminal.
 */

const paint = (code: number) => (text: string) => `\x1b[${code}m${text}\x1b[0m`;
export const green = paint(32);
export const red = paint(31);
export const yellow = paint(33);
// Bright black, not SGR 2 (faint): faint text is half-transparent and fails contrast; the theme sets bright black to the site's muted colour.
export const dim = paint(90);
export const bold = paint(1);

/** Characters of one learner-derived text the pane prints. */
export const PRINTABLE_LIMIT = 2000;
// C0 controls but tab and newline, DEL, and C1 controls (xterm reads 0x9b as CSI and 0x9d as OSC).
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Learner-derived text made safe for the terminal: no control characters but newline and tab, so
 * no escape sequence from learner code can clear the pane, recolour it, draw a fake summary or
 * make a link; and at most `limit` characters. Our own colours are added after this.
 */
export function printable(text: unknown, limit = PRINTABLE_LIMIT): string {
  const string = typeof text === 'string' ? text : String(text);
  const cut = string.length > limit ? `${string.slice(0, limit)}…` : string;
  return cut.replace(CONTROLS, '');
}

/** The pane's text without colours, for the screen-reader transcript and tests. */
export function plainText(lines: readonly string[]): string {
  return lines.join('\n').replace(/\x1b\[\d+m/g, '');
}

/** One result to print, whoever ran it. */
interface Row {
  name: string;
  passed: boolean;
  durationMs: number;
  message?: string;
  expected?: string;
  actual?: string;
  hidden?: boolean;
}

function indent(text: string, prefix = '    '): string[] {
  return text.split('\n').map((line) => prefix + line);
}

/** A console line as the pane shows it, coloured by level. */
export function formatConsole(level: ConsoleLevel | 'truncated', text: string): string[] {
  if (level === 'truncated') return [yellow('    … console output truncated (the cap keeps runaway logging from freezing the page)')];
  const lines = indent(printable(text), '    │ ');
  return level === 'error' ? lines.map(red) : level === 'warn' ? lines.map(yellow) : lines.map(dim);
}

function formatRow(row: Row): string[] {
  const time = row.hidden ? '' : dim(` (${Math.round(row.durationMs)} ms)`);
  const name = printable(row.name, 300);
  if (row.passed) return [`  ${green('✓')} ${name}${time}`];
  const lines = [`  ${red('✗')} ${row.hidden ? `${dim('[hidden]')} ` : ''}${name}${time}`];
  // The harness's message already spells out Expected/Received (with "not" when negated): print those once, in colour.
  const message = row.message ? indent(printable(row.message)) : [];
  const says = (label: string) => message.some((line) => line.trimStart().startsWith(label));
  lines.push(...message.map((line) => (line.trimStart().startsWith('Expected: ') ? green(line) : red(line))));
  if (row.expected !== undefined && !says('Expected: ')) lines.push(...indent(`Expected: ${printable(row.expected)}`).map(green));
  if (row.actual !== undefined && !says('Received: ')) lines.push(...indent(`Received: ${printable(row.actual)}`).map(red));
  return lines;
}

function withConsole(rows: Row[], entries: readonly ConsoleEntry[], truncated: boolean): string[] {
  const lines: string[] = [];
  const loading = entries.filter((entry) => entry.test === -1);
  if (loading.length) lines.push(dim('  console while loading:'), ...loading.flatMap((entry) => formatConsole(entry.level, entry.text)));
  rows.forEach((row, index) => {
    lines.push(...formatRow(row));
    for (const entry of entries) if (entry.test === index) lines.push(...formatConsole(entry.level, entry.text));
  });
  if (truncated) lines.push(...formatConsole('truncated', ''));
  return lines;
}

/** "Tests: 3 passed, 1 failed, 4 total" */
export function summaryLine(passed: number, total: number, suffix = ''): string {
  const failed = total - passed;
  const parts = [passed ? green(`${passed} passed`) : '', failed ? red(`${failed} failed`) : '', `${total} total`].filter(Boolean);
  return `${bold('Tests:')} ${parts.join(', ')}${suffix}`;
}

/** The browser Run's result. */
export function formatRun(result: LocalRunResult, durationMs: number): { lines: string[]; summary: string; allPassed: boolean } {
  if (!result.ok) {
    const { file, message, line, column } = result.compileError;
    const where = line === undefined ? '' : `:${line}${column === undefined ? '' : `:${column}`}`;
    const summary = printable(`${file}${where} does not compile: ${message}`);
    return { lines: [red(`✗ ${summary}`)], summary, allPassed: false };
  }
  const lines: string[] = [];
  for (const error of result.load.errors) lines.push(red(`✗ ${printable(error.module, 100)} did not load:`), ...indent(printable(error.message)).map(red));
  const rows = result.tests.map((test) => ({ ...test }));
  lines.push(...withConsole(rows, result.console.entries, result.console.truncated));
  const passed = rows.filter((row) => row.passed).length;
  const summary = `${passed} of ${rows.length} visible tests passed`;
  lines.push('', summaryLine(passed, rows.length, dim(` · ${Math.round(durationMs)} ms`)));
  return { lines, summary, allPassed: rows.length > 0 && passed === rows.length };
}

/** The server's verdict on a submission: visible tests in full, hidden tests by name and, when failed, what they check. */
export function formatVerdict(verdict: Verdict): string[] {
  const rows = verdict.tests.map((test: VerdictTest) => ({ ...test, hidden: test.suite === 'hidden' }));
  const lines = [bold('Submitted: the server ran the visible and hidden tests'), ...withConsole(rows, verdict.console.entries, verdict.console.truncated), ''];
  if (verdict.counts.total > 0) lines.push(summaryLine(verdict.counts.passed, verdict.counts.total, dim(` · ${Math.round(verdict.durationMs)} ms`)));
  lines.push((verdict.status === 'accepted' ? green : verdict.status === 'rejected' ? red : yellow)(printable(verdict.summary)));
  return lines;
}
