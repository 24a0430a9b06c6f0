import { formatValue } from './format';
import { stringSlice } from './intrinsics';

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

/** One console call: its level, its text, and the test running when it was made (−1: while loading). */
export interface ConsoleEntry {
  level: ConsoleLevel;
  text: string;
  test: number;
}

export interface ConsoleReport {
  entries: ConsoleEntry[];
  /** True when output past the cap was dropped. */
  truncated: boolean;
}

export interface CapturedConsole {
  /** What learner code gets as `console`. */
  readonly console: Record<ConsoleLevel, (...args: unknown[]) => void>;
  report(): ConsoleReport;
}

const LOG_FORMAT = { depth: 3, maxItems: 50, maxLength: 4000 };

/**
 * Receives each console entry as it is written (the judge's host, or a worker streaming to the
 * page), then one call with level 'truncated' if output is cut off.
 */
export type ConsoleSink = (level: ConsoleLevel | 'truncated', text: string, test: number) => void;

/**
 * A console that only records, capped at `limit` characters and `entryLimit` calls in all, and forwards each entry to
 * `sink` when there is one. Text is formatted and cut inside the isolate, so a learner printing a
 * 30 MB string costs the host nothing. Calls made while `muted()` holds are dropped unformatted.
 */
export function captureConsole(limit: number, currentTest: () => number, sink?: ConsoleSink, entryLimit = limit, muted: () => boolean = () => false): CapturedConsole {
  const entries: ConsoleEntry[] = [];
  let used = 0;
  let truncated = false;

  const write = (level: ConsoleLevel, args: unknown[]) => {
    if (truncated || muted()) return;
    // Count entries as well as characters: a million empty lines must not cost a million records.
    if (entries.length >= entryLimit) {
      truncated = true;
      if (sink) sink('truncated', '', currentTest());
      return;
    }
    let text = '';
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      text += (i ? ' ' : '') + (typeof arg === 'string' ? stringSlice(arg, 0, limit) : formatValue(arg, LOG_FORMAT));
      if (text.length > limit) break;
    }
    const cut = used + text.length > limit;
    if (cut) text = stringSlice(text, 0, limit - used);
    used += text.length;
    const test = currentTest();
    entries[entries.length] = { level, text, test };
    if (sink) sink(level, text, test);
    if (cut) {
      truncated = true;
      if (sink) sink('truncated', '', test);
    }
  };

  return {
    console: {
      log: (...args) => write('log', args),
      info: (...args) => write('info', args),
      warn: (...args) => write('warn', args),
      error: (...args) => write('error', args),
      debug: (...args) => write('debug', args),
    },
    report: () => ({ entries, truncated }),
  };
}
