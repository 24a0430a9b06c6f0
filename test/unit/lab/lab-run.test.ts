import { describe, expect, it } from 'vitest';
import { FrameHistory, HISTORY_POINTS } from '@/lib/lab/frame-history';
import { CHART_POINT_MS, LabRun, MAX_SPEED_BUDGET_MS } from '@/lib/lab/lab-run';
import type { LabState } from '@/lib/lab/lab-state';
import { defineScenario } from '@/lib/sim/scenario';

const scenario = defineScenario({
  seed: 7,
  algorithm: 'least-connections',
  servers: Array.from({ length: 4 }, () => ({ weight: 1, capacity: 4 })),
  arrivals: { pattern: 'poisson', ratePerSecond: 400 },
  cost: { distribution: 'exponential', meanMs: 20 },
  durationMs: 20_000,
});
const state: LabState = { variants: [{ label: 'least-connections', scenario }], commands: [] };

function runToEnd(run: LabRun, tickMs: number) {
  let frame = run.tick(tickMs, 1);
  while (!frame.done) frame = run.tick(tickMs, 1);
  return frame;
}

describe('LabRun', () => {
  it('replays a live session exactly from its command log, whatever the frame rate', () => {
    const live = new LabRun(state);
    for (let i = 0; i < 30; i++) live.tick(33, 1);
    live.apply({ kind: 'crash', server: 2 });
    for (let i = 0; i < 50; i++) live.tick(47, 1);
    live.apply({ kind: 'add-server', spec: { weight: 1, capacity: 4 } });
    for (let i = 0; i < 20; i++) live.tick(16, 1);
    live.apply({ kind: 'recover', server: 2 });
    const liveEnd = runToEnd(live, 100);

    expect(live.commands.map((command) => command.command.kind)).toEqual(['crash', 'add-server', 'recover']);
    expect(live.commands[0]!.atMs).toBeCloseTo(990, 6);
    const replayed = runToEnd(new LabRun({ ...state, commands: [...live.commands] }), 61);
    expect(replayed.metrics).toEqual(liveEnd.metrics);
    expect(liveEnd.metrics[0]!.failed).toBeGreaterThan(0);
    expect(liveEnd.snapshots[0]!.servers).toHaveLength(5);
  });

  it('runs compare-mode variants on the same traffic, in lockstep', () => {
    const run = new LabRun({ variants: [state.variants[0]!, { label: 'random', scenario: { ...scenario, algorithm: 'random' } }], commands: [] });
    const frame = run.step(5_000);
    expect(frame.snapshots.map((snapshot) => snapshot.nowMs)).toEqual([5_000, 5_000]);
    expect(frame.snapshots[0]!.sent).toBe(frame.snapshots[1]!.sent);
    const end = runToEnd(run, 100);
    expect(end.metrics[0]!.arrived).toBe(end.metrics[1]!.arrived);
    expect(end.metrics[0]!.latencyMs.p99).toBeLessThan(end.metrics[1]!.latencyMs.p99);
  });

  it('at full speed stops each tick once its wall-time budget is spent, with one chart point for the tick', () => {
    let wall = 0;
    // Each read of the clock costs 1 ms of pretend wall time.
    const run = new LabRun(state, () => (wall += 1));
    const frame = run.tick(33, 'max');
    expect(frame.nowMs).toBeGreaterThan(0);
    expect(frame.nowMs).toBeLessThanOrEqual(50 * (MAX_SPEED_BUDGET_MS + 1));
    expect(frame.chartPoint).toBe(true);
    expect(frame.snapshots[0]!.window.fromMs).toBe(0);
    expect(frame.snapshots[0]!.window.toMs).toBe(frame.nowMs);
    expect(frame.snapshots[0]!.servers.reduce((sum, server) => sum + server.routed, 0)).toBe(frame.snapshots[0]!.sent);
  });

  it('never leaps after a long pause in wall time (a background tab)', () => {
    const run = new LabRun(state);
    expect(run.tick(60_000, 1).nowMs).toBe(100);
  });
});

describe('FrameHistory', () => {
  it('keeps aligned columns, pads servers added mid-run and caps its length', () => {
    const run = new LabRun({ variants: [{ label: 'long', scenario: { ...scenario, durationMs: 200_000 } }], commands: [] });
    const history = new FrameHistory();
    for (let i = 0; i < 10; i++) history.push(run.step(CHART_POINT_MS));
    run.apply({ kind: 'add-server', spec: { weight: 1, capacity: 4 } });
    for (let i = 0; i < HISTORY_POINTS; i++) history.push(run.step(CHART_POINT_MS));
    const variant = history.variants[0]!;
    expect(variant.time).toHaveLength(HISTORY_POINTS);
    expect(variant.loadByServer).toHaveLength(5);
    for (const column of [variant.p50, variant.p99, variant.errorsPerSecond, ...variant.loadByServer]) expect(column).toHaveLength(HISTORY_POINTS);
    expect(history.variants).toHaveLength(1);
  });

  it('adds a point only when a chart window closes, each spanning at least CHART_POINT_MS', () => {
    const run = new LabRun(state);
    const history = new FrameHistory();
    history.push(run.step(0));
    expect(history.variants).toHaveLength(0);
    const frames = Array.from({ length: 40 }, () => run.tick(33, 1));
    frames.forEach((frame) => history.push(frame));
    const points = frames.filter((frame) => frame.chartPoint);
    expect(points).toHaveLength(Math.floor((40 * 33) / CHART_POINT_MS));
    expect(history.variants[0]!.time).toHaveLength(points.length);
    for (const point of points) expect(point.snapshots[0]!.window.toMs - point.snapshots[0]!.window.fromMs).toBeGreaterThanOrEqual(CHART_POINT_MS);
    // Windows tile the run: what the points served adds up to what the run served, warm-up included.
    const served = points.reduce((sum, point) => sum + point.snapshots[0]!.window.served, 0);
    const last = points[points.length - 1]!;
    expect(served).toBe(last.snapshots[0]!.servers.reduce((sum, server) => sum + server.served, 0));
  });
});
