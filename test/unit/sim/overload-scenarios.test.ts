import { describe, expect, it } from 'vitest';
import { decodeLabState, encodeLabState } from '@/lib/lab/lab-state';
import { createReplay } from '@/lib/lab/replay';
import { findNamedScenario } from '@/lib/sim/named-scenarios';
import { createSimulation } from '@/lib/sim/simulator';
import { metricsOf, scenarioOf } from './fixtures';


/** Client requests answered per second over [fromMs, toMs) of one variant. */
function goodputBetween(id: string, variant: number, fromMs: number, toMs: number): number {
  const simulation = createSimulation(scenarioOf(id, variant));
  simulation.step(fromMs);
  return (simulation.step(toMs).window.served * 1000) / (toMs - fromMs);
}

const IDS = ['retry-storm', 'overload-shedding', 'scale-out-slow-start', 'outlier-ejection-panic', 'hedged-requests'];

describe('the failure-under-load scenarios', () => {
  it('exist under the ids the lessons embed, each with two variants', () => {
    for (const id of IDS) expect(findNamedScenario(id)?.variants).toHaveLength(2);
  });

  it.each(IDS)('%s replays exactly from its share link', (id) => {
    const named = findNamedScenario(id)!;
    const decoded = decodeLabState(encodeLabState({ variants: named.variants.map((variant) => ({ ...variant })), commands: [] }));
    if (!decoded.ok) throw new Error(decoded.errors.join('; '));
    for (const [index, variant] of decoded.state.variants.entries()) {
      const replay = createReplay(variant.scenario);
      replay.advance(Infinity);
      expect(replay.metrics()).toEqual(metricsOf(id, index));
    }
    // A retry storm is a quarter of a million tries per variant: seconds on a busy machine.
  }, 60_000);

  it('retry-storm: without a budget the fleet never recovers from a 3 s spike; with one it does', () => {
    expect(goodputBetween('retry-storm', 0, 40_000, 60_000)).toBeLessThan(50);
    expect(goodputBetween('retry-storm', 1, 40_000, 60_000)).toBeGreaterThan(1_000);
    expect(metricsOf('retry-storm', 0).overload!.balancerRetries).toBeGreaterThan(20 * metricsOf('retry-storm', 1).overload!.balancerRetries);
    expect(metricsOf('retry-storm', 1).overload!.overflows.retries).toBeGreaterThan(0);
  });

  it('overload-shedding: an unbounded queue answers almost nothing in time during the surge; maxconn with a queue timeout keeps serving at capacity', () => {
    expect(goodputBetween('overload-shedding', 0, 15_000, 30_000)).toBeLessThan(100);
    expect(goodputBetween('overload-shedding', 1, 15_000, 30_000)).toBeGreaterThan(1_400);
    expect(metricsOf('overload-shedding', 1).overload).toMatchObject({ timedOut: 0 });
    expect(metricsOf('overload-shedding', 1).overload!.queueTimeouts).toBeGreaterThan(5_000);
  });

  it('scale-out-slow-start: cold servers at full weight time requests out; slow start loses none', () => {
    expect(metricsOf('scale-out-slow-start', 0).overload!.timedOut).toBeGreaterThan(10_000);
    expect(metricsOf('scale-out-slow-start', 1).overload!.timedOut).toBe(0);
    expect(metricsOf('scale-out-slow-start', 1).latencyMs.p99).toBeLessThan(metricsOf('scale-out-slow-start', 0).latencyMs.p99 / 5);
  });

  it('outlier-ejection-panic: one sick server is ejected after five errors; three sick ones push the cluster into panic', () => {
    const ejected = metricsOf('outlier-ejection-panic', 0).overload!;
    expect(ejected).toMatchObject({ ejections: 1, panics: 0 });
    // Five in a row eject it; a try or two already on their way there answer 500 too.
    expect(ejected.serverErrors).toBeGreaterThanOrEqual(5);
    expect(ejected.serverErrors).toBeLessThan(10);
    const panic = metricsOf('outlier-ejection-panic', 1).overload!;
    expect(panic.panics).toBe(1);
    // In panic the sick servers take their share again: about three answers in four are errors.
    expect(panic.errored / panic.requests).toBeGreaterThan(0.7);
  });

  it('hedged-requests: a second copy after 60 ms halves the p99 and cancels its loser', () => {
    const plain = metricsOf('hedged-requests', 0);
    const hedged = metricsOf('hedged-requests', 1);
    expect(hedged.latencyMs.p99).toBeLessThan(plain.latencyMs.p99 * 0.6);
    expect(hedged.overload!.hedges).toBeGreaterThan(0);
    expect(hedged.overload!.wasted).toBe(0);
  });
});
