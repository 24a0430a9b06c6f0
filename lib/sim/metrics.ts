import type { BackendId } from '@/lib/balancers/types';
import { LatencyHistogram } from './histogram';

/** What happened at one server, counting measured requests only. */
export interface ServerMetrics {
  id: BackendId;
  weight: number;
  /** Requests it finished. */
  served: number;
  /** Requests the balancer sent it while it was down or full (a balancer that honours `usable` never does). */
  dropped: number;
  /** Requests it held (serving or queued) when it crashed. */
  failed: number;
  /** The most requests ever waiting in its queue, not counting those in service. */
  maxQueueLength: number;
}

/** Latency from arrival to completion (queue wait + service), in ms; NaN when nothing was served. */
export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The result of a run, after warm-up. Every measured request is served, dropped or failed, or still in flight. */
export interface MetricsSummary {
  /** Simulated time when the summary was taken. */
  simulatedMs: number;
  arrived: number;
  served: number;
  /** Turned away: no usable backend, or a backend that was down or full. */
  dropped: number;
  /** The part of `dropped` for which the balancer found no usable backend at all (nginx answers 502). */
  noBackend: number;
  /** Lost in a crash. */
  failed: number;
  latencyMs: LatencySummary;
  /** Mean time spent waiting in a server queue before service began. */
  meanWaitMs: number;
  servers: ServerMetrics[];
}

/**
 * Streaming counters for one run. Memory is fixed: a histogram and a few counters per server,
 * however many requests pass through.
 */
export class SimMetrics {
  private readonly latency = new LatencyHistogram();
  private readonly servers: ServerMetrics[];
  private arrived = 0;
  private noBackend = 0;
  private waitSum = 0;

  constructor(servers: readonly { id: BackendId; weight: number }[]) {
    this.servers = servers.map(({ id, weight }) => ({ id, weight, served: 0, dropped: 0, failed: 0, maxQueueLength: 0 }));
  }

  /** Counts one measured arrival. */
  recordArrival(): void {
    this.arrived += 1;
  }

  /** Counts one request finished by `server` after waiting `waitMs` and `latencyMs` in all. */
  recordServed(server: number, latencyMs: number, waitMs: number): void {
    this.servers[server]!.served += 1;
    this.latency.record(latencyMs);
    this.waitSum += waitMs;
  }

  /** Counts one request turned away, by `server` or, when undefined, for want of any usable backend. */
  recordDropped(server: number | undefined): void {
    if (server === undefined) this.noBackend += 1;
    else this.servers[server]!.dropped += 1;
  }

  /** Counts requests lost when `server` crashed. */
  recordFailed(server: number, count: number): void {
    this.servers[server]!.failed += count;
  }

  /** Notes a queue length seen at `server`, keeping the largest. */
  recordQueueLength(server: number, length: number): void {
    const metrics = this.servers[server]!;
    if (length > metrics.maxQueueLength) metrics.maxQueueLength = length;
  }

  /** A copy of everything counted so far. */
  summary(simulatedMs: number): MetricsSummary {
    const servers = this.servers.map((server) => ({ ...server }));
    const sum = (key: 'served' | 'dropped' | 'failed') => servers.reduce((total, server) => total + server[key], 0);
    const { latency } = this;
    return {
      simulatedMs,
      arrived: this.arrived,
      served: sum('served'),
      dropped: this.noBackend + sum('dropped'),
      noBackend: this.noBackend,
      failed: sum('failed'),
      latencyMs: { mean: latency.mean(), p50: latency.percentile(0.5), p95: latency.percentile(0.95), p99: latency.percentile(0.99), max: latency.maximum() },
      meanWaitMs: latency.count === 0 ? NaN : this.waitSum / latency.count,
      servers,
    };
  }
}
