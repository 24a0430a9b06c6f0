import { describe, expect, it } from 'vitest';
import { createPeakEwma, PEAK_EWMA_PENALTY, PeakEwmaMetric } from '@/lib/balancers/peak-ewma';
import { backendId, type Balancer, type Random } from '@/lib/balancers/types';
import { seededRandom } from '@/lib/random/seeded';
import { markDown, pool } from './fixtures';

/** A random source that replays `values` in order: each draw of the pick is chosen by the test. */
const scripted = (...values: number[]): Random => {
  let at = 0;
  return () => values[at++ % values.length]!;
};

const TAU = 10_000;

/** Feeds one completed request per backend: `{ a: 50 }` means a answered in 50 ms at `nowMs`. */
function learn(balancer: Balancer, latencies: Record<string, number>, nowMs = 0): Balancer {
  for (const [id, latencyMs] of Object.entries(latencies)) balancer.onComplete!({ backend: backendId(id), latencyMs, nowMs });
  return balancer;
}
const at = (nowMs: number) => ({ nowMs });

describe("Finagle's PeakEwma metric (PeakEwma.scala)", () => {
  it('costs nothing before any latency is seen and nothing is outstanding', () => {
    expect(new PeakEwmaMetric(TAU, 0).load(0, 0)).toBe(0);
  });

  it('charges the penalty to a node with requests out and no latency history', () => {
    expect(new PeakEwmaMetric(TAU, 0).load(3, 0)).toBe(PEAK_EWMA_PENALTY + 3);
    expect(PEAK_EWMA_PENALTY).toBe(140_737_488_355_327); // Long.MaxValue >> 16
  });

  it('costs the estimate × (outstanding + 1)', () => {
    const metric = new PeakEwmaMetric(TAU, 0);
    metric.observe(40, 0);
    expect(metric.load(0, 0)).toBe(40);
    expect(metric.load(3, 0)).toBe(160);
  });

  it('jumps straight to a latency above the estimate (the peak)', () => {
    const metric = new PeakEwmaMetric(TAU, 0);
    metric.observe(10, 0);
    metric.observe(500, 1);
    expect(metric.load(0, 1)).toBe(500);
  });

  it('blends a lower latency in with weight 1 − e^(−Δt/τ)', () => {
    const metric = new PeakEwmaMetric(TAU, 0);
    metric.observe(100, 0);
    metric.observe(20, TAU);
    // w = e^−1: 100·w + 20·(1 − w)
    expect(metric.load(0, TAU)).toBeCloseTo(100 * Math.exp(-1) + 20 * (1 - Math.exp(-1)), 9);
  });

  it('decays an idle estimate towards zero: halved after τ·ln 2', () => {
    const metric = new PeakEwmaMetric(TAU, 0);
    metric.observe(80, 0);
    expect(metric.load(0, TAU * Math.LN2)).toBeCloseTo(40, 9);
  });
});

/** One pick between a and b, given what each answered and how many requests each has in flight. */
function pickBetween(latencies: Record<string, number>, inFlight: { a: number; b: number }): string | undefined {
  const backends = pool(1, 1);
  backends[0]!.activeConnections = inFlight.a;
  backends[1]!.activeConnections = inFlight.b;
  return learn(createPeakEwma(seededRandom(6)), latencies).pick(backends, at(0));
}

describe('P2C peak EWMA (Finagle P2CPeakEwma, Linkerd)', () => {
  it('always compares two distinct backends: with two usable, the cheaper one wins every time', () => {
    const balancer = createPeakEwma(seededRandom(5));
    const backends = pool(1, 1);
    learn(balancer, { a: 50, b: 10 });
    for (let i = 0; i < 50; i += 1) expect(balancer.pick(backends, at(1))).toBe('b');
  });

  it('skips the first draw when drawing the second (P2CPick): draws 0 and 0 compare a with b', () => {
    const balancer = createPeakEwma(scripted(0, 0));
    const backends = pool(1, 1, 1);
    learn(balancer, { a: 5, b: 9, c: 1 });
    // c is cheapest but never drawn; a (draw 0) beats b (draw 0 → index 1).
    expect(balancer.pick(backends, at(0))).toBe('a');
  });

  it('gives a tie to the second draw', () => {
    // First draw index 2 (c), second 0 (a): all idle with no history, loads tie at 0.
    expect(createPeakEwma(scripted(0.9, 0)).pick(pool(1, 1, 1), at(0))).toBe('a');
  });

  it('weighs outstanding requests: equal latency, the backend with fewer in flight wins', () => {
    expect(pickBetween({ a: 20, b: 20 }, { a: 4, b: 1 })).toBe('b');
  });

  it('prefers a slow idle backend to a fast one with four times its cost in flight', () => {
    // 10 × (4 + 1) = 50 > 30 × (0 + 1)
    expect(pickBetween({ a: 10, b: 30 }, { a: 4, b: 0 })).toBe('b');
  });

  it('avoids a backend with requests out and no answer yet (the penalty) in favour of a slow one', () => {
    expect(pickBetween({ b: 1_000 }, { a: 1, b: 0 })).toBe('b');
  });

  it('forgives a latency spike over the decay time', () => {
    const balancer = createPeakEwma(seededRandom(9));
    const backends = pool(1, 1);
    learn(balancer, { a: 1_000, b: 20 });
    expect(balancer.pick(backends, at(1))).toBe('b');
    // Keep b busy with 20 ms answers; after 5τ a's 1 000 ms has decayed to about 6.7 ms.
    for (let t = 0; t <= 5 * TAU; t += 1_000) learn(balancer, { b: 20 }, t);
    expect(balancer.pick(backends, at(5 * TAU))).toBe('a');
  });

  it('returns the only usable backend without drawing, and nothing when none is usable', () => {
    const balancer = createPeakEwma(() => {
      throw new Error('drew a random number');
    });
    expect(balancer.pick(markDown(pool(1, 1), 'a'), at(0))).toBe('b');
    expect(balancer.pick(markDown(markDown(pool(1, 1), 'a'), 'b'), at(0))).toBeUndefined();
  });
});
