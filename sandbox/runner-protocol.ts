import type { RaceReport } from '@/lib/capstone/local-race';
import type { ConsoleLevel } from '@/lib/grading/harness/console';
import type { LocalRunResult } from '@/lib/grading/local-run';

/*
 * The browser Run sandbox, three realms deep: the exercise page → a sandboxed iframe with an
 * opaque origin (/sandbox/runner) → a throwaway Web Worker that runs the learner's code with
 * lib/grading's runTestsLocally under lockdown. One message type per direction and hop.
 */

/**
 * Page → runner frame. A new `run` or `race` cancels the one in progress. `race`: the capstone's race
 * table. `hello`: the page asks until the frame answers `ready`, since a frame that loads before the
 * page listens would otherwise say `ready` to no one.
 */
export type ToRunner =
  | { type: 'hello' }
  | { type: 'run'; runId: number; solution: string; visibleTests: string; timeLimitMs: number }
  | { type: 'race'; runId: number; solution: string; timeLimitMs: number };

/** Runner frame → page. `runId` lets the page ignore a run it has replaced. */
export type FromRunner =
  /** The frame has a worker loaded and waiting, said once it has and again to each `hello`: the next Run starts warm. */
  | { type: 'ready' }
  | { type: 'started'; runId: number; warm: boolean }
  | { type: 'console'; runId: number; level: ConsoleLevel | 'truncated'; text: string; test: number }
  | { type: 'done'; runId: number; result: LocalRunResult; durationMs: number }
  | { type: 'raced'; runId: number; report: RaceReport; durationMs: number }
  /** The worker ran past the time limit and was terminated. */
  | { type: 'timeout'; runId: number; limitMs: number }
  /** The worker died (a memory bomb, say) or failed to start. */
  | { type: 'crashed'; runId: number; message: string };

/** Runner frame → worker. */
export type ToRunnerWorker = { type: 'run'; solution: string; visibleTests: string } | { type: 'race'; solution: string };

/** Worker → runner frame. */
export type FromRunnerWorker =
  | { type: 'ready' }
  | { type: 'console'; level: ConsoleLevel | 'truncated'; text: string; test: number }
  | { type: 'done'; result: LocalRunResult }
  | { type: 'raced'; report: RaceReport };

/** The least time a browser run gets, whatever the exercise's judge limit: a cold worker also transpiles. */
export const MIN_RUN_LIMIT_MS = 2000;

/** Whether a message from the frame has the shape the page expects (the frame is ours, but check what crosses). */
export function isFromRunner(data: unknown): data is FromRunner {
  if (typeof data !== 'object' || data === null) return false;
  const { type, runId } = data as { type?: unknown; runId?: unknown };
  if (type === 'ready') return true;
  return typeof runId === 'number' && (type === 'started' || type === 'console' || type === 'done' || type === 'raced' || type === 'timeout' || type === 'crashed');
}
