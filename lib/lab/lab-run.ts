import type { MetricsSummary } from '@/lib/sim/metrics';
import type { Snapshot } from '@/lib/sim/simulator';
import type { LabCommand, LabState, TimedCommand } from './lab-state';
import { mergeSnapshots } from './merge-snapshots';
import { createReplay, type Replay } from './replay';

/** Simulated milliseconds per wall-clock millisecond, or as fast as the machine allows. */
export type Speed = number | 'max';

/** The playback speeds the lab offers. */
export const SPEEDS: readonly Speed[] = [0.25, 1, 4, 16, 'max'];

/** What the page draws after each tick: every variant at the same simulated time. */
export interface LabFrame {
  nowMs: number;
  done: boolean;
  /** True when the snapshots' windows are closed chart points; otherwise they are still filling. */
  chartPoint: boolean;
  snapshots: Snapshot[];
  metrics: MetricsSummary[];
}

/** Wall time a 'max' tick may spend simulating, leaving the worker free to read messages between ticks. */
export const MAX_SPEED_BUDGET_MS = 12;
/** Simulated time per slice of a 'max' tick. */
const MAX_SPEED_SLICE_MS = 50;
/**
 * Simulated time one chart point spans at least. A 33 ms frame holds too few requests for a
 * meaningful p99; a quarter second at 2,000 requests a second holds 500.
 */
export const CHART_POINT_MS = 250;
/** A tick after a long pause (a background tab) advances at most this much wall time, so the run never leaps. */
const MAX_TICK_WALL_MS = 100;

/**
 * The variants of one lab state, advanced in lockstep. Pure apart from the injected clock, so the
 * worker only wires messages and timers to it and tests drive it directly.
 */
export class LabRun {
  private readonly replays: Replay[];
  private readonly log: TimedCommand[];
  private nowMs = 0;
  private windowStartMs = 0;

  constructor(state: LabState, private readonly wallClock: () => number = () => performance.now()) {
    this.replays = state.variants.map((variant) => createReplay(variant.scenario, state.commands));
    this.log = [...state.commands];
  }

  get done(): boolean {
    return this.replays.every((replay) => replay.done);
  }

  /** Commands applied so far, replayed ones included. */
  get commands(): readonly TimedCommand[] {
    return this.log;
  }

  /** Advances by `wallElapsedMs` of playback at `speed`. */
  tick(wallElapsedMs: number, speed: Speed): LabFrame {
    if (speed !== 'max') return this.finish(this.advanceTo(this.nowMs + Math.min(wallElapsedMs, MAX_TICK_WALL_MS) * speed));
    const started = this.wallClock();
    let snapshots = this.advanceTo(this.nowMs + MAX_SPEED_SLICE_MS);
    while (!this.done && this.wallClock() - started < MAX_SPEED_BUDGET_MS) {
      const earlier = snapshots;
      snapshots = this.advanceTo(this.nowMs + MAX_SPEED_SLICE_MS).map((snapshot, index) => mergeSnapshots(earlier[index]!, snapshot));
    }
    return this.finish(snapshots);
  }

  /** Advances by `simulatedMs` exactly (the Step button). */
  step(simulatedMs: number): LabFrame {
    return this.finish(this.advanceTo(this.nowMs + simulatedMs));
  }

  /** Applies a learner's command to every variant at the current simulated time. */
  apply(command: LabCommand): TimedCommand {
    const timed = this.replays.map((replay) => replay.apply(command))[0]!;
    this.log.push(timed);
    return timed;
  }

  private advanceTo(untilMs: number): Snapshot[] {
    const snapshots = this.replays.map((replay) => replay.advance(untilMs));
    this.nowMs = untilMs;
    return snapshots;
  }

  /** The frame for `snapshots`, closing the chart window once it spans a chart point or the run ends. */
  private finish(snapshots: Snapshot[]): LabFrame {
    const done = this.done;
    const chartPoint = this.nowMs - this.windowStartMs >= CHART_POINT_MS || (done && this.nowMs > this.windowStartMs);
    if (chartPoint) {
      this.windowStartMs = this.nowMs;
      const closed = this.replays.map((replay) => replay.closeWindow());
      snapshots = snapshots.map((snapshot, index) => ({ ...snapshot, window: closed[index]!.window }));
    }
    return { nowMs: this.nowMs, done, chartPoint, snapshots, metrics: this.replays.map((replay) => replay.metrics()) };
  }
}
