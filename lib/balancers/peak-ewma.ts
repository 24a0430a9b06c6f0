import { randomIndex } from '@/lib/random/seeded';
import type { BackendId, BackendView, Balancer, Completion, PickRequest, Random } from './types';

/** Finagle's decay time default (`Balancers.p2cPeakEwma(decayTime = 10.seconds)`), which Linkerd 1 inherits. */
export const DEFAULT_DECAY_MS = 10_000;

/** Finagle's `Penalty` (`Long.MaxValue >> 16`): the load of a node with requests out and no latency seen yet. */
export const PEAK_EWMA_PENALTY = 2 ** 47 - 1;

/**
 * One node's latency estimate, as Finagle's `PeakEwma.Metric` keeps it (finagle-core loadbalancer/
 * PeakEwma.scala). An observation above the estimate replaces it at once (the "peak"); one below it
 * is blended in with weight 1 − e^(−Δt/τ), Δt being the time since the previous observation, so the
 * estimate rises fast and recovers only over the decay time τ. Reading the load first observes a
 * zero, which is how an idle node's estimate decays between requests.
 */
export class PeakEwmaMetric {
  private cost = 0;
  private stamp: number;

  constructor(
    private readonly decayMs: number,
    nowMs: number,
  ) {
    this.stamp = nowMs;
  }

  /** Folds in one round-trip time (Finagle's `observe`). */
  observe(rttMs: number, nowMs: number): void {
    const weight = Math.exp(-Math.max(nowMs - this.stamp, 0) / this.decayMs);
    this.cost = rttMs > this.cost ? rttMs : this.cost * weight + rttMs * (1 - weight);
    this.stamp = nowMs;
  }

  /** Cost of sending it one more request: the estimate × (outstanding + 1), or the penalty while it has no history (Finagle's `get`). */
  load(outstanding: number, nowMs: number): number {
    this.observe(0, nowMs);
    if (this.cost === 0 && outstanding !== 0) return PEAK_EWMA_PENALTY + outstanding;
    return this.cost * (outstanding + 1);
  }
}

export interface PeakEwmaOptions {
  /** τ, the mean lifetime of a latency observation; the estimate halves in τ·ln 2. */
  decayMs?: number;
}

/**
 * Peak EWMA behind power of two choices, as Finagle's `P2CPeakEwma` and Linkerd
 * (https://linkerd.io/1/features/load-balancing/, built on Finagle; Linkerd 2 keeps EWMA as its only
 * balancer, https://linkerd.io/2/features/load-balancing/). Two DISTINCT usable backends are drawn
 * (`P2CPick`: the second index skips the first), each node's load is read in draw order, and the first
 * is kept only when its load is strictly lower: a tie goes to the second draw. Outstanding requests are
 * the backend's active requests, which is what this balancer has in flight on it; latency comes from
 * `onComplete`, measured from the pick to the response.
 */
export function createPeakEwma(random: Random, options: PeakEwmaOptions = {}): Balancer {
  const decayMs = options.decayMs ?? DEFAULT_DECAY_MS;
  const metrics = new Map<BackendId, PeakEwmaMetric>();
  const metricOf = (id: BackendId, nowMs: number) => {
    let metric = metrics.get(id);
    if (!metric) metrics.set(id, (metric = new PeakEwmaMetric(decayMs, nowMs)));
    return metric;
  };
  return {
    algorithm: 'peak-ewma',
    pick(backends: readonly BackendView[], request?: PickRequest) {
      const usable = backends.filter((backend) => backend.usable);
      if (usable.length <= 1) return usable[0]?.id;
      const nowMs = request?.nowMs ?? 0;
      const a = randomIndex(random, usable.length);
      let b = randomIndex(random, usable.length - 1);
      if (b >= a) b += 1;
      const nodeA = usable[a]!;
      const nodeB = usable[b]!;
      const loadA = metricOf(nodeA.id, nowMs).load(nodeA.activeConnections, nowMs);
      const loadB = metricOf(nodeB.id, nowMs).load(nodeB.activeConnections, nowMs);
      return (loadA < loadB ? nodeA : nodeB).id;
    },
    onComplete({ backend, latencyMs, nowMs }: Completion) {
      metricOf(backend, nowMs).observe(latencyMs, nowMs);
    },
  };
}
