import type { HostHealthCounts } from './host-health';

/** How measured client requests ended, and what the balancer did for them, when `overload` is on. */
export interface OverloadSummary {
  /** Client requests (a client's retries are not new requests). */
  requests: number;
  /** Answered before the client gave up: the goodput. */
  succeeded: number;
  /** Gave up on by the client (request timeout) on its last attempt. */
  timedOut: number;
  /** Answered 503 on the last attempt: queue timeout, full queue or a circuit breaker. */
  shed: number;
  /** Failed on the last attempt because the servers refused or reset it, or none was usable. */
  errored: number;
  /** Still waiting for an answer or a retry when the summary was taken. */
  inFlight: number;
  /** Tries sent to a server or queued for one, first tries, balancer retries and hedges together. */
  tries: number;
  balancerRetries: number;
  clientRetries: number;
  /** Tries the balancer stopped waiting for (per-try timeout). */
  tryTimeouts: number;
  /** Client attempts given up on (request timeout), retried or not. */
  requestTimeouts: number;
  /** Tries that waited in the backend queue longer than `queueTimeoutMs` (HAProxy's 503, termination state sQ). */
  queueTimeouts: number;
  /** Tries a server finished after the balancer or the client had stopped waiting: work for nobody. */
  wasted: number;
  /** Tries a server answered with 500 (its `errorShare`). */
  serverErrors: number;
  /** Client attempts the adaptive concurrency limiter refused with 503 (Envoy's rq_blocked). */
  limited: number;
  hedges: number;
  /** Envoy's overflow counters: upstream_cx_overflow, upstream_rq_pending_overflow (pending and max requests), upstream_rq_retry_overflow. */
  overflows: { connections: number; pending: number; requests: number; retries: number };
  /** Succeeded client requests per simulated second. */
  goodputPerSecond: number;
  /** Outlier detection and panic (lib/health), when on. */
  ejections: number;
  ejectionsRefused: number;
  panics: number;
}

type Counter = Exclude<keyof OverloadSummary, 'overflows' | 'goodputPerSecond' | 'inFlight' | 'ejections' | 'ejectionsRefused' | 'panics'>;

/** Counters behind OverloadSummary; fixed-size, like the rest of the metrics. */
export class OverloadMetrics {
  readonly counts: Record<Counter, number> = {
    requests: 0,
    succeeded: 0,
    timedOut: 0,
    shed: 0,
    errored: 0,
    tries: 0,
    balancerRetries: 0,
    clientRetries: 0,
    tryTimeouts: 0,
    requestTimeouts: 0,
    queueTimeouts: 0,
    wasted: 0,
    serverErrors: 0,
    limited: 0,
    hedges: 0,
  };
  readonly overflows = { connections: 0, pending: 0, requests: 0, retries: 0 };

  summary(simulatedMs: number, health: HostHealthCounts = { ejections: 0, ejectionsRefused: 0, panics: 0 }): OverloadSummary {
    const { counts } = this;
    const ended = counts.succeeded + counts.timedOut + counts.shed + counts.errored;
    return { ...counts, inFlight: counts.requests - ended, overflows: { ...this.overflows }, goodputPerSecond: simulatedMs > 0 ? (counts.succeeded * 1000) / simulatedMs : 0, ...health };
  }
}
