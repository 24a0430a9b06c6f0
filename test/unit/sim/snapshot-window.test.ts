import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '@/lib/sim/histogram';
import { RemapTracker } from '@/lib/sim/remap-tracker';
import { defineScenario, type Scenario } from '@/lib/sim/scenario';
import { createSimulation, runSimulation, type Snapshot } from '@/lib/sim/simulator';
import { poissonScenario, servers } from './fixtures';

const scenario: Scenario = {
  ...poissonScenario('least-connections', servers(4, { weight: 1, capacity: 2, queueLimit: 2 }), 1.1, 20_000),
  failures: [{ atMs: 800, server: 1, kind: 'crash' }],
};

/** Every snapshot of a run stepped `stepMs` at a time. */
function frames(input: Scenario, stepMs: number): Snapshot[] {
  const simulation = createSimulation(defineScenario(input));
  const snapshots: Snapshot[] = [];
  for (let until = stepMs; !simulation.done; until += stepMs) snapshots.push(simulation.step(until));
  return snapshots;
}

describe('the per-step window', () => {
  it('covers the time since the previous step, back to back', () => {
    const snapshots = frames(scenario, 33);
    snapshots.forEach((snapshot, index) => expect(snapshot.window.fromMs).toBe(index === 0 ? 0 : snapshots[index - 1]!.window.toMs));
    expect(snapshots.every((snapshot) => snapshot.window.toMs === snapshot.nowMs)).toBe(true);
  });

  it('adds up, window by window, to the totals of the run', () => {
    const snapshots = frames(scenario, 33);
    const metrics = runSimulation(defineScenario(scenario));
    const sum = (pick: (snapshot: Snapshot) => number) => snapshots.reduce((total, snapshot) => total + pick(snapshot), 0);
    expect(sum((s) => s.window.served)).toBe(metrics.served);
    expect(sum((s) => s.window.dropped)).toBe(metrics.dropped);
    expect(sum((s) => s.window.failed)).toBe(metrics.failed);
    expect(sum((s) => s.servers.reduce((total, server) => total + server.routed, 0))).toBe(metrics.arrived - metrics.noBackend);
  });

  it('stays open across steps that keep it, and closes on the next plain step', () => {
    const kept = createSimulation(defineScenario(scenario));
    const plain = createSimulation(defineScenario(scenario));
    kept.step(100, { keepWindow: true });
    const open = kept.step(200, { keepWindow: true }).window;
    expect([open.fromMs, open.toMs]).toEqual([0, 200]);
    const closed = kept.step(300).window;
    const reference = plain.step(300).window;
    expect(closed).toEqual(reference);
    expect(kept.step(400).window.fromMs).toBe(300);
  });

  it('gives percentiles of that window only, and NaN when nothing finished in it', () => {
    // Room for every request at once, so each takes exactly its 1 ms (to the histogram's 1%).
    const pool = servers(2, { weight: 1, capacity: 1_000 });
    const simulation = createSimulation(defineScenario({ ...poissonScenario('round-robin', pool, 0.1, 1_000_000), arrivals: { pattern: 'poisson', ratePerSecond: 1_000 }, cost: { distribution: 'constant', meanMs: 1 } }));
    const { p50, p99 } = simulation.step(500).window.latencyMs;
    expect([p50, p99].map((value) => Math.round(value * 100) / 100)).toEqual([1, 1]);
    expect(simulation.step(500).window.latencyMs.p50).toBeNaN();
  });

  it('shows what the balancer believes next to the truth, and each server’s size', () => {
    const simulation = createSimulation(defineScenario({ ...scenario, healthCheck: { intervalMs: 1_000, timeoutMs: 100, rise: 2, fall: 3 } }));
    expect(simulation.step(801).servers[1]).toMatchObject({ id: 'b', state: 'down', checkedHealthy: true, capacity: 2, weight: 1, openConnections: 0 });
  });
});

describe('metrics added for the lab', () => {
  it('measures utilisation as busy time over capacity × elapsed: about ρ on every server', () => {
    const metrics = runSimulation(poissonScenario('round-robin', servers(4, { weight: 1, capacity: 2 }), 0.5, 100_000));
    for (const server of metrics.servers) expect(server.utilisation).toBeCloseTo(0.5, 1);
  });

  it('reports remappedShare as NaN until a pool change has been seen from both sides', () => {
    expect(runSimulation(poissonScenario('hash-mod-n', servers(3), 0.5, 2_000)).remappedShare).toBeNaN();
  });

  it('counts, per client, whether its first request after a change went elsewhere', () => {
    const tracker = new RemapTracker(3);
    tracker.record(0, 1);
    tracker.record(1, 2);
    tracker.poolChanged();
    tracker.record(0, 1);
    tracker.record(0, 2); // only the first request after the change counts
    tracker.record(1, 0);
    tracker.record(2, 0); // client 2 was not seen before the change
    expect(tracker.share).toBe(0.5);
  });
});

describe('latency histogram reset', () => {
  it('forgets everything, so the window histogram can be reused every frame', () => {
    const histogram = new LatencyHistogram();
    histogram.record(5);
    histogram.reset();
    histogram.record(1);
    expect([histogram.count, histogram.percentile(0.99), histogram.maximum()]).toEqual([1, 1, 1]);
  });
});
