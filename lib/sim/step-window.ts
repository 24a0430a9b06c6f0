import { LatencyHistogram } from './histogram';

/** What happened between two steps, for a live chart: finished requests only, warm-up included (a chart starts at zero). */
export interface WindowSummary {
  fromMs: number;
  toMs: number;
  served: number;
  dropped: number;
  failed: number;
  sessionsLost: number;
  /** NaN when nothing was served in the window: a gap in the chart, not a fall to zero. */
  latencyMs: { p50: number; p95: number; p99: number };
}

/** Counters for the current step's window, emptied each time a snapshot takes them. */
export class StepWindow {
  readonly latency = new LatencyHistogram();
  served = 0;
  dropped = 0;
  failed = 0;
  sessionsLost = 0;
  private fromMs = 0;

  /** The window from the previous take to `toMs`, then starts the next one there. */
  take(toMs: number): WindowSummary {
    const summary = this.peek(toMs);
    this.latency.reset();
    this.served = this.dropped = this.failed = this.sessionsLost = 0;
    this.fromMs = toMs;
    return summary;
  }

  /** The window from the previous take to `toMs`, left open. */
  peek(toMs: number): WindowSummary {
    const { latency } = this;
    return {
      fromMs: this.fromMs,
      toMs,
      served: this.served,
      dropped: this.dropped,
      failed: this.failed,
      sessionsLost: this.sessionsLost,
      latencyMs: { p50: latency.percentile(0.5), p95: latency.percentile(0.95), p99: latency.percentile(0.99) },
    };
  }
}
