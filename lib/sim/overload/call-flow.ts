import type { Random } from '@/lib/random/seeded';
import type { HeldRequest } from '../server';
import { envoyBackoffMs, fullJitterBackoffMs } from './backoff';
import { GradientController } from './adaptive-concurrency';
import type { HostHealth } from './host-health';
import { OverloadMetrics } from './overload-metrics';
import type { OverloadSpec } from './overload-schema';
import { PendingQueue, type Pending } from './pending-queue';
import { envoyRetries, nginxPassesToNext, retryBudgetAllows, type TryFailure } from './retry-policy';

/** One client request, across the client's own attempts. */
export interface Call {
  readonly client: number;
  readonly firstArrivedAt: number;
  readonly measured: boolean;
  /** The client's attempt, from 1; bumped by a client retry. */
  attempt: number;
  /** True once the current attempt has an outcome; later answers to it are wasted work. */
  settled: boolean;
  /** Tries and balancer retries within the current attempt. */
  tries: number;
  retries: number;
  hedged: boolean;
  /** Whether the call holds one of Envoy's active retries (see CallFlow.activeRetries). */
  holdsRetry: boolean;
  /** When the current attempt began, and whether the concurrency limiter counts it as outstanding. */
  attemptStartedAt: number;
  limited: boolean;
  /** Servers tried in this attempt, which nginx and a hedge never pick again. */
  tried: Set<number>;
  live: Try[];
  /** The first try's cost, drawn when the request arrived so the traffic matches a run without overload. */
  firstCostMs: number | undefined;
}

/** One try of one attempt at one server (or waiting in the backend queue for one). */
export interface Try extends Pending {
  readonly call: Call;
  readonly attempt: number;
  readonly isRetry: boolean;
  state: 'pending' | 'server' | 'done';
  /** Set by the server once a worker has started on it (rather than its own queue). */
  serving: boolean;
  server: number;
  held: HeldRequest | undefined;
}

/** The events the call flow schedules on the simulator's clock. */
export type FlowEvent =
  | { kind: 'try-timeout'; attempt: Try }
  | { kind: 'queue-timeout'; attempt: Try }
  | { kind: 'request-timeout'; call: Call; attempt: number }
  | { kind: 'retry'; call: Call; attempt: number }
  | { kind: 'hedge'; call: Call; attempt: number }
  | { kind: 'client-retry'; call: Call };

/** What the call flow needs from the simulator. */
export interface FlowHost {
  now(): number;
  schedule(at: number, event: FlowEvent): void;
  /** The balancer's pick for `call`'s client with the `excluded` servers out of the way; undefined when none is usable. */
  pick(call: Call, excluded: ReadonlySet<number>): number | undefined;
  /** Whether a server is in rotation (so a try may wait for it) rather than none at all. */
  anyInRotation(): boolean;
  /** Whether server `index` can take a try now (in rotation, under its limits). */
  usable(index: number): boolean;
  /** How many servers could take a try now, leaving out `excluded`. */
  usableCount(excluded: ReadonlySet<number>): number;
  /** Hands `held` to server `index`: false when the connection is refused (down, or its own queue full). */
  send(index: number, held: HeldRequest): boolean;
  /** Takes a cancelled copy off server `index`, freeing its worker at once. */
  cancel(index: number, held: HeldRequest): void;
  drawCost(): number;
  /** Share of server `index`'s answers that are 500s. */
  errorShare(index: number): number;
  /** The balancer's passive view of its hosts, when outlier detection or slow start is on. */
  readonly health: HostHealth | undefined;
  /** An answer reached the client: `latencyMs` since its first attempt. */
  answered(call: Call, latencyMs: number): void;
  /** The client request failed for good. */
  failed(call: Call): void;
}

type Outcome = 'timeout' | 'shed' | 'error';

const NONE: ReadonlySet<number> = new Set();

/**
 * The life of client requests under failure and overload: per-try and request timeouts, the
 * balancer's retries (nginx or Envoy semantics, retry-policy.ts), Envoy's retry budget and circuit
 * breakers, HAProxy's `maxconn` with its backend queue and `timeout queue`, hedged requests and the
 * client's own retries. Servers are never told that a try was abandoned (a timeout closes the
 * connection, but the application keeps working), so an overloaded fleet spends its time on answers
 * nobody waits for: the mechanism of a metastable failure. Only a hedge's losing copy is cancelled,
 * as gRPC cancellation propagates to the server.
 */
export class CallFlow {
  readonly metrics = new OverloadMetrics();
  private readonly pending: PendingQueue<Try>;
  private readonly atServer: Set<Try>[] = [];
  private activeTries = 0;
  /**
   * Envoy counts a retry against max_retries and the budget from the moment it decides to retry
   * until that request's next retry decision or its end (RetryStateImpl::shouldRetry calls
   * resetRetry first, and so does the destructor; source/common/router/retry_state_impl.cc): the
   * back-off and the retried try itself.
   */
  private activeRetries = 0;
  private readonly limiter: GradientController | undefined;
  /** Client attempts the limiter has let through and that have no outcome yet. */
  private outstanding = 0;

  constructor(
    private readonly spec: OverloadSpec,
    private readonly host: FlowHost,
    private readonly random: Random,
  ) {
    this.pending = new PendingQueue(spec.queueOrder ?? 'fifo');
    this.limiter = spec.adaptiveConcurrency && new GradientController(spec.adaptiveConcurrency, host.now());
  }

  /** A new client request arrives at the balancer; `costMs` is the first try's service time. */
  start(client: number, measured: boolean, costMs: number): void {
    const now = this.host.now();
    const call: Call = { client, firstArrivedAt: now, measured, attempt: 0, settled: true, attemptStartedAt: now, limited: false, holdsRetry: false, tries: 0, retries: 0, hedged: false, tried: new Set(), live: [], firstCostMs: costMs };
    if (measured) this.metrics.counts.requests += 1;
    this.beginAttempt(call);
  }

  handle(event: FlowEvent): void {
    switch (event.kind) {
      case 'try-timeout':
        return this.tryTimedOut(event.attempt);
      case 'queue-timeout':
        return this.queueTimedOut(event.attempt);
      case 'request-timeout':
        return this.requestTimedOut(event.call, event.attempt);
      case 'retry':
        if (this.current(event.call, event.attempt)) this.startTry(event.call, 'retry');
        return;
      case 'hedge':
        return this.hedge(event.call, event.attempt);
      case 'client-retry':
        return this.beginAttempt(event.call);
    }
  }

  /** Server `index` finished `held`; its worker is free for the backend queue. */
  finished(index: number, held: HeldRequest): void {
    const attempt = held.attempt!;
    if (attempt.state !== 'server') {
      if (attempt.call.measured) this.metrics.counts.wasted += 1;
    } else {
      this.leaveServer(attempt);
      const share = this.host.errorShare(index);
      const failed = share > 0 && this.random() < share;
      this.host.health?.record(index, failed ? 'http-500' : 'ok', this.host.now());
      if (failed) {
        if (attempt.call.measured) this.metrics.counts.serverErrors += 1;
        this.tryFailed(attempt, 'http-500');
      } else this.answer(attempt);
    }
    this.slotFreed(index);
  }

  /** Server `index` crashed: what it held is reset. */
  crashed(index: number): void {
    const held = this.atServer[index];
    if (!held) return;
    for (const attempt of [...held]) {
      this.leaveServer(attempt);
      this.host.health?.record(index, 'reset', this.host.now());
      this.tryFailed(attempt, 'reset');
    }
  }

  private current(call: Call, attempt: number): boolean {
    return call.attempt === attempt && !call.settled;
  }

  private beginAttempt(call: Call): void {
    call.attempt += 1;
    call.settled = false;
    call.tries = 0;
    call.retries = 0;
    call.hedged = false;
    call.tried.clear();
    const now = this.host.now();
    call.attemptStartedAt = now;
    call.limited = false;
    if (this.limiter) {
      if (!this.limiter.admits(this.outstanding, now)) {
        if (call.measured) this.metrics.counts.limited += 1;
        return this.settle(call, 'shed');
      }
      call.limited = true;
      this.outstanding += 1;
    }
    if (this.spec.requestTimeoutMs !== undefined) this.host.schedule(now + this.spec.requestTimeoutMs, { kind: 'request-timeout', call, attempt: call.attempt });
    if (this.spec.hedging) this.host.schedule(now + this.spec.hedging.delayMs, { kind: 'hedge', call, attempt: call.attempt });
    this.startTry(call, 'first');
  }

  private startTry(call: Call, kind: 'first' | 'retry' | 'hedge'): void {
    const isRetry = kind === 'retry';
    const attempt: Try = { call, attempt: call.attempt, isRetry, state: 'pending', serving: false, server: -1, held: undefined, cancelled: false };
    call.tries += 1;
    call.live.push(attempt);
    if (call.measured) this.metrics.counts.tries += 1;
    const breakers = this.spec.circuitBreakers;
    // Envoy max_requests: requests outstanding to the whole cluster, its overflow counted as pending overflow.
    if (breakers?.maxRequests !== undefined && this.activeTries + this.pending.length >= breakers.maxRequests) return this.overflow(attempt, 'requests');
    // nginx never picks a tried peer again for one request, and a hedge goes elsewhere; Envoy's
    // default retry host predicate does not exclude previous hosts.
    const index = this.host.pick(call, kind === 'hedge' || this.spec.balancerRetries?.style === 'nginx' ? call.tried : NONE);
    if (index === undefined) {
      if (!this.host.anyInRotation()) return this.tryFailed(attempt, 'connect-failure');
      return this.enqueue(attempt);
    }
    if (breakers?.maxConnections !== undefined && this.activeTries >= breakers.maxConnections) {
      if (call.measured) this.metrics.overflows.connections += 1;
      return this.enqueue(attempt);
    }
    this.dispatch(attempt, index);
  }

  private enqueue(attempt: Try): void {
    const limit = this.spec.circuitBreakers?.maxPendingRequests;
    if (limit !== undefined && this.pending.length >= limit) return this.overflow(attempt, 'pending');
    this.pending.push(attempt);
    if (this.spec.queueTimeoutMs !== undefined) this.host.schedule(this.host.now() + this.spec.queueTimeoutMs, { kind: 'queue-timeout', attempt });
  }

  private dispatch(attempt: Try, index: number): void {
    const { call } = attempt;
    const costMs = call.firstCostMs ?? this.host.drawCost();
    call.firstCostMs = undefined;
    const held: HeldRequest = { arrivedAt: this.host.now(), measured: call.measured, costMs, attempt };
    attempt.held = held;
    attempt.server = index;
    call.tried.add(index);
    if (!this.host.send(index, held)) {
      this.host.health?.record(index, 'connect-failure', this.host.now());
      return this.tryFailed(attempt, 'connect-failure');
    }
    attempt.state = 'server';
    this.activeTries += 1;
    (this.atServer[index] ??= new Set()).add(attempt);
    if (this.spec.perTryTimeoutMs !== undefined) this.host.schedule(this.host.now() + this.spec.perTryTimeoutMs, { kind: 'try-timeout', attempt });
  }

  private leaveServer(attempt: Try): void {
    attempt.state = 'done';
    this.activeTries -= 1;
    this.atServer[attempt.server]!.delete(attempt);
  }

  /** A freed worker takes the next waiting try, as HAProxy's server takes from the backend queue. */
  private slotFreed(index: number): void {
    const cap = this.spec.circuitBreakers?.maxConnections ?? Infinity;
    while (this.pending.length > 0 && this.host.usable(index) && this.activeTries < cap) {
      const next = this.pending.take()!;
      this.dispatch(next, index);
    }
  }

  private tryTimedOut(attempt: Try): void {
    if (attempt.state !== 'server') return;
    this.leaveServer(attempt);
    this.host.health?.record(attempt.server, 'timeout', this.host.now());
    if (attempt.call.measured) this.metrics.counts.tryTimeouts += 1;
    this.tryFailed(attempt, 'timeout');
  }

  private queueTimedOut(attempt: Try): void {
    if (attempt.state !== 'pending' || attempt.cancelled) return;
    this.dropPending(attempt);
    if (attempt.call.measured) this.metrics.counts.queueTimeouts += 1;
    this.retire(attempt);
    // HAProxy answers 503 to the client; a queued request is not redispatched.
    this.settle(attempt.call, 'shed');
  }

  private dropPending(attempt: Try): void {
    attempt.cancelled = true;
    attempt.state = 'done';
    this.pending.cancelled();
  }

  private overflow(attempt: Try, breaker: 'requests' | 'pending'): void {
    if (attempt.call.measured) this.metrics.overflows[breaker] += 1;
    attempt.state = 'done';
    this.retire(attempt);
    // A hedge that overflows leaves the first copy to answer.
    if (attempt.call.live.length > 0) return;
    // Envoy answers an overflow locally with 503 (x-envoy-overloaded), and does not retry it.
    this.settle(attempt.call, 'shed');
  }

  /** The try is over: it leaves its call's live tries. */
  private retire(attempt: Try): void {
    const { live } = attempt.call;
    const at = live.indexOf(attempt);
    if (at !== -1) live.splice(at, 1);
  }

  private tryFailed(attempt: Try, failure: TryFailure): void {
    attempt.state = 'done';
    this.retire(attempt);
    const { call } = attempt;
    // A hedge's sibling may still answer; an attempt the client left needs nothing more.
    if (!this.current(call, attempt.attempt) || call.live.length > 0) return;
    this.releaseRetry(call);
    if (this.retryAllowed(call, failure)) {
      call.retries += 1;
      if (call.measured) this.metrics.counts.balancerRetries += 1;
      const policy = this.spec.balancerRetries!;
      if (policy.style === 'nginx') return this.startTry(call, 'retry');
      const delay = envoyBackoffMs(call.retries, this.random, policy.backoffBaseMs, policy.backoffMaxMs);
      call.holdsRetry = true;
      this.activeRetries += 1;
      return this.host.schedule(this.host.now() + delay, { kind: 'retry', call, attempt: call.attempt });
    }
    this.settle(call, failure === 'timeout' ? 'timeout' : 'error');
  }

  private retryAllowed(call: Call, failure: TryFailure): boolean {
    const policy = this.spec.balancerRetries;
    if (!policy) return false;
    if (policy.style === 'nginx') return nginxPassesToNext(policy.on, failure, call.tries, policy.tries, this.host.usableCount(call.tried));
    if (call.retries >= policy.numRetries || !envoyRetries(policy.retryOn, failure)) return false;
    const { retryBudget, circuitBreakers } = this.spec;
    const allowed = retryBudget
      ? retryBudgetAllows(this.activeRetries, this.activeTries + this.pending.length, retryBudget.budgetPercent, retryBudget.minRetryConcurrency)
      : circuitBreakers?.maxRetries === undefined || this.activeRetries < circuitBreakers.maxRetries;
    if (!allowed && call.measured) this.metrics.overflows.retries += 1;
    return allowed;
  }

  private hedge(call: Call, attempt: number): void {
    if (!this.current(call, attempt) || call.hedged || call.live.length === 0) return;
    call.hedged = true;
    if (call.measured) this.metrics.counts.hedges += 1;
    this.startTry(call, 'hedge');
  }

  private answer(attempt: Try): void {
    const { call } = attempt;
    this.retire(attempt);
    if (!this.current(call, attempt.attempt)) {
      if (call.measured) this.metrics.counts.wasted += 1;
      return;
    }
    this.abandonLive(call, true);
    call.settled = true;
    this.release(call);
    this.limiter?.sample(this.host.now() - call.attemptStartedAt, this.host.now());
    if (call.measured) this.metrics.counts.succeeded += 1;
    this.host.answered(call, this.host.now() - call.firstArrivedAt);
  }

  private requestTimedOut(call: Call, attempt: number): void {
    if (!this.current(call, attempt)) return;
    if (call.measured) this.metrics.counts.requestTimeouts += 1;
    this.abandonLive(call, false);
    this.settle(call, 'timeout');
  }

  /** Stops waiting for the attempt's other tries: a hedge's loser is cancelled at its server; a timed-out attempt's tries are not. */
  private abandonLive(call: Call, cancelAtServer: boolean): void {
    for (const attempt of [...call.live]) {
      this.retire(attempt);
      if (attempt.state === 'pending') this.dropPending(attempt);
      else if (attempt.state === 'server') {
        this.leaveServer(attempt);
        if (cancelAtServer) {
          this.host.cancel(attempt.server, attempt.held!);
          this.slotFreed(attempt.server);
        }
      }
    }
  }

  /** The attempt has an outcome: it leaves the limiter's outstanding count and gives back its retry. */
  private release(call: Call): void {
    this.releaseRetry(call);
    if (!call.limited) return;
    call.limited = false;
    this.outstanding -= 1;
  }

  private releaseRetry(call: Call): void {
    if (!call.holdsRetry) return;
    call.holdsRetry = false;
    this.activeRetries -= 1;
  }

  /** The attempt is over with `outcome`: the client retries it, or the request fails for good. */
  private settle(call: Call, outcome: Outcome): void {
    if (call.settled) return;
    this.abandonLive(call, false);
    call.settled = true;
    this.release(call);
    const retries = this.spec.clientRetries;
    if (retries && call.attempt < retries.maxAttempts) {
      if (call.measured) this.metrics.counts.clientRetries += 1;
      const delay = fullJitterBackoffMs(call.attempt, this.random, retries.backoffBaseMs, retries.backoffCapMs);
      return this.host.schedule(this.host.now() + delay, { kind: 'client-retry', call });
    }
    if (call.measured) this.metrics.counts[outcome === 'timeout' ? 'timedOut' : outcome === 'shed' ? 'shed' : 'errored'] += 1;
    this.host.failed(call);
  }
}
