import type { RaceReport } from './local-race';
import type { TrackRace } from './race-all';

/** How many tracks the learner's balancer passes, of how many. */
export function tracksPassed(tracks: readonly TrackRace[]): { passed: number; total: number } {
  const passed = tracks.filter((track) => track.rows.find((row) => row.balancer === 'yours')?.result?.passed).length;
  return { passed, total: tracks.length };
}

/** One line for the status bar and the terminal: how the race went, or why it did not run. */
export function raceSummary(report: RaceReport): { ok: boolean; text: string } {
  if (!report.ok) {
    if (report.compileError) {
      const { line, column, message } = report.compileError;
      return { ok: false, text: `solution.ts does not compile${line === undefined ? '' : ` (line ${line}:${column})`}: ${message}` };
    }
    return { ok: false, text: report.error ?? 'The race did not run.' };
  }
  const failed = report.tracks.flatMap((track) => track.rows.filter((row) => row.balancer === 'yours' && row.error).map((row) => `${track.title}: ${row.error}`));
  if (failed.length) return { ok: false, text: failed[0]! };
  const { passed, total } = tracksPassed(report.tracks);
  return { ok: true, text: `Your balancer passes ${passed} of ${total} tracks` };
}
