import type { BackendId } from '@/lib/balancers/types';
import { LatencyHistogram } from './histogram';
import type { OverloadSummary } from './overload/overload-metrics';
import type { ServerState } from './server';

/** What happened at one server, counting measured requests only. */
export interface ServerMetrics {
  id: BackendId;
  weight: number;
  /** Requests it finished, long-lived connections closed normally included. */
  served: number;
  /** Requests the balancer sent it while it was full (a balancer that honours `usable` never does). */
  dropped: number;
  /** Requests it held (serving, queued or connected) when it crashed, and requests it refused while down but believed healthy. */
  failed: number;
  /** The most requests ever waiting in its queue, not counting those in service. */
  maxQueueLength: number;
  /** Where it is now. */
  state: ServerState;
  /** Connections open on it now: requests in service or queued, and long-lived connections. */
  openConnections: number;
  /** The most connections it had open at once. */
  peakOpenConnections: number;
  /** Time spent serving over capacity × the time it has been in the pool, warm-up included. */
  utilisation: number;
}

/** The live figures of one server that the simulator adds to its counts when summarising. */
export type ServerNow = Pick<ServerMetrics, 'state' | 'openConnections' | 'peakOpenConnections' | 'utilisation'>;

type ServerCounts = Omit<ServerMetrics, keyof ServerNow>;

/** Latency from arrival to completion (queue wait + service), in ms; NaN when nothing was served. */
export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The result of a run, after warm-up. Every measured request is served, dropped, failed or unreachable, or still in flight. */
export interface MetricsSummary {
  /** Simulated time when the summary was taken. */
  simulatedMs: number;
  arrived: number;
  served: number;
  /** Turned away: no usable backend, or a backend that was down or full. */
  dropped: number;
  /** The part of `dropped` for which the balancer found no usable backend at all (nginx answers 502). */
  noBackend: number;
  /** Requests that never reached a balancer: the one they tried was down (see balancerTier). */
  unreachable: number;
  /** Lost in a crash, or refused by a crashed server the balancer still believed healthy. */
  failed: number;
  /** Requests that found no session where they landed: a user logged out (session store `server` only). */
  sessionsLost: number;
  /** Of the clients seen on both sides of the most recent pool change, the share that moved server; NaN before any. */
  remappedShare: number;
  latencyMs: LatencySummary;
  /** Mean time spent waiting in a server queue before service began. */
  meanWaitMs: number;
  /** Share of served requests that waited in a queue at all: Erlang C's P(wait) for M/M/c. NaN when nothing was served. */
  waitedShare: number;
  servers: ServerMetrics[];
  /**
   * With `overload` on: how client requests ended, across tries, retries and hedges. Then
   * `served` counts tries the servers finished (throughput, wasted work included), the latency
   * is that of answered client requests from their first attempt, and `meanWaitMs` is NaN.
   */
  overload?: OverloadSummary;
}

/**
 * Streaming counters for one run. Memory is fixed: a histogram and a few counters per server,
 * however many requests pass through.
 */
export class SimMetrics {
  private readonly latency = new LatencyHistogram();
  private readonly servers: ServerCounts[] = [];
  private arrived = 0;
  private noBackend = 0;
  private unreachable = 0;
  private waitSum = 0;
  private waited = 0;
  private sessionsLost = 0;

  constructor(servers: readonly { id: BackendId; weight: number }[]) {
    for (const server of servers) this.addServer(server);
  }

  /** Starts counting for a server that joined the pool. */
  addServer({ id, weight }: { id: BackendId; weight: number }): void {
    this.servers.push({ id, weight, served: 0, dropped: 0, failed: 0, maxQueueLength: 0 });
  }

  /** Counts one measured arrival. */
  recordArrival(): void {
    this.arrived += 1;
  }

  /** Counts one request finished by `server` after waiting `waitMs` and `latencyMs` in all; `slot` is its latency's histogram slot. */
  recordServed(server: number, latencyMs: number, waitMs: number, slot: number): void {
    this.servers[server]!.served += 1;
    this.latency.recordInSlot(slot, latencyMs);
    this.waitSum += waitMs;
    if (waitMs > 0) this.waited += 1;
  }

  /** Counts an answered client request (overload model): its latency, without a server or a queue wait. */
  recordAnswered(latencyMs: number): void {
    this.latency.record(latencyMs);
    this.waitSum = NaN;
  }

  /** Counts a long-lived connection that closed normally: served, but its duration is no request latency. */
  recordClosed(server: number): void {
    this.servers[server]!.served += 1;
  }

  /** Counts one request that found its session gone. */
  recordSessionLost(): void {
    this.sessionsLost += 1;
  }

  /** Counts one request turned away, by `server` or, when undefined, for want of any usable backend. */
  /** Counts one request lost before any balancer saw it. */
  recordUnreachable(): void {
    this.unreachable += 1;
  }

  recordDropped(server: number | undefined): void {
    if (server === undefined) this.noBackend += 1;
    else this.servers[server]!.dropped += 1;
  }

  /** Counts requests lost when `server` crashed or refused the connection. */
  recordFailed(server: number, count: number): void {
    this.servers[server]!.failed += count;
  }

  /** Notes a queue length seen at `server`, keeping the largest. */
  recordQueueLength(server: number, length: number): void {
    const metrics = this.servers[server]!;
    if (length > metrics.maxQueueLength) metrics.maxQueueLength = length;
  }

  /** A copy of everything counted so far, with each server's live figures from `now` (same order as the servers). */
  summary(simulatedMs: number, now: readonly ServerNow[], remappedShare: number, overload?: OverloadSummary): MetricsSummary {
    const servers = this.servers.map((server, index): ServerMetrics => ({ ...server, ...now[index]! }));
    const sum = (key: 'served' | 'dropped' | 'failed') => servers.reduce((total, server) => total + server[key], 0);
    const { latency } = this;
    return {
      simulatedMs,
      arrived: this.arrived,
      served: sum('served'),
      dropped: this.noBackend + sum('dropped'),
      noBackend: this.noBackend,
      unreachable: this.unreachable,
      failed: sum('failed'),
      sessionsLost: this.sessionsLost,
      remappedShare,
      latencyMs: { mean: latency.mean(), p50: latency.percentile(0.5), p95: latency.percentile(0.95), p99: latency.percentile(0.99), max: latency.maximum() },
      meanWaitMs: latency.count === 0 ? NaN : this.waitSum / latency.count,
      waitedShare: latency.count === 0 ? NaN : this.waited / latency.count,
      servers,
      ...(overload === undefined ? {} : { overload }),
    };
  }
}
