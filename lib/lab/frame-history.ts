import type { LabFrame } from './lab-run';

/** Chart points kept per variant: at one point per 250 simulated ms, two and a half simulated minutes. */
export const HISTORY_POINTS = 600;

/** One variant's recent past, as parallel columns a chart library can plot without copying. */
export interface VariantHistory {
  /** Simulated seconds at the end of each frame. */
  time: number[];
  p50: (number | null)[];
  p95: (number | null)[];
  p99: (number | null)[];
  /** Requests dropped or failed per simulated second over the frame. */
  errorsPerSecond: number[];
  /** Requests held (serving or queued) per server, by server index. */
  loadByServer: number[][];
}

const emptyHistory = (): VariantHistory => ({ time: [], p50: [], p95: [], p99: [], errorsPerSecond: [], loadByServer: [] });

/** A missing percentile (nothing served in the frame) is a gap in the line, not a fall to zero. */
const gapIfNaN = (value: number) => (Number.isFinite(value) ? value : null);

/** Rolling chart data for each variant of a run, fed one frame at a time. */
export class FrameHistory {
  readonly variants: VariantHistory[] = [];

  /** Adds a frame's closed windows as one point; frames between chart points add nothing. */
  push(frame: LabFrame): void {
    if (!frame.chartPoint) return;
    frame.snapshots.forEach((snapshot, index) => {
      const spanMs = snapshot.window.toMs - snapshot.window.fromMs;
      if (spanMs <= 0) return;
      const history = (this.variants[index] ??= emptyHistory());
      const { window } = snapshot;
      history.time.push(snapshot.nowMs / 1000);
      history.p50.push(gapIfNaN(window.latencyMs.p50));
      history.p95.push(gapIfNaN(window.latencyMs.p95));
      history.p99.push(gapIfNaN(window.latencyMs.p99));
      history.errorsPerSecond.push(((window.dropped + window.failed) * 1000) / spanMs);
      snapshot.servers.forEach((server, serverIndex) => {
        // A server added mid-run has no past: pad its column so every column lines up with `time`.
        const column = (history.loadByServer[serverIndex] ??= new Array<number>(history.time.length - 1).fill(0));
        column.push(server.inService + server.queued);
      });
      if (history.time.length > HISTORY_POINTS) trim(history);
    });
  }
}

function trim(history: VariantHistory): void {
  const excess = history.time.length - HISTORY_POINTS;
  for (const column of [history.time, history.p50, history.p95, history.p99, history.errorsPerSecond, ...history.loadByServer]) column.splice(0, excess);
}
