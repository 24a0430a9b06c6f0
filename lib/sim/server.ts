import { backendId, type BackendView } from '@/lib/balancers/types';
import type { Try } from './overload/call-flow';
import type { ServerSpec } from './scenario';

/** A request on its way through a server: when it arrived, whether it counts (past warm-up) and the service time it needs. */
export interface HeldRequest {
  arrivedAt: number;
  measured: boolean;
  costMs: number;
  /** The try it belongs to when the scenario models overload (overload/call-flow.ts); always present, so every request has one shape. */
  attempt: Try | undefined;
  /** A hedge's losing copy, taken off the server (overload model only). */
  cancelled?: boolean;
}

/** A first-in first-out line that grows by doubling and reuses its slots, so a steady queue allocates nothing. */
export class Fifo<T> {
  private slots: (T | undefined)[] = new Array<T | undefined>(8);
  private head = 0;
  private count = 0;

  /** How many items are waiting. */
  get length(): number {
    return this.count;
  }

  /** Adds `item` at the back. */
  push(item: T): void {
    if (this.count === this.slots.length) this.grow();
    this.slots[(this.head + this.count) & (this.slots.length - 1)] = item;
    this.count += 1;
  }

  /** Removes and returns the front item. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.slots[this.head];
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.count -= 1;
    return item;
  }

  /** Empties the line, returning what was in it, front first. */
  drain(): T[] {
    const items: T[] = [];
    for (let item = this.shift(); item !== undefined; item = this.shift()) items.push(item);
    return items;
  }

  private grow(): void {
    const items = this.drain();
    this.slots = new Array<T | undefined>(this.slots.length * 2);
    this.head = 0;
    for (const item of items) this.push(item);
  }
}

/** Spreadsheet-style names, a … z, aa, ab …, matching the a, b, c of the reference tables. */
export function serverName(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : serverName(Math.floor(index / 26) - 1) + letter;
}

/**
 * Where a server is in its life: `starting` while it boots (autoscaling), `up` running, `down`
 * crashed, `draining` finishing what it holds before removal, `removed` gone for good (it keeps its
 * index, so every other server keeps its own).
 */
export type ServerState = 'up' | 'down' | 'starting' | 'draining' | 'removed';

/** One simulated backend: `capacity` workers in parallel and a FIFO queue in front of them. */
export class SimServer {
  /** What the balancer sees; kept in step with the server by `refresh`. */
  readonly view: BackendView;
  readonly capacity: number;
  /** What it was created from: its weight before slow start, and how sick or cold it is. */
  readonly spec: ServerSpec;
  /** Requests it may hold at once, serving and waiting. */
  readonly limit: number;
  readonly waiting = new Fifo<HeldRequest>();
  /** A new server is out of the pool until the simulator lets it join. */
  private current: ServerState = 'starting';
  /** Whether its process is running, so a connection to it succeeds: up or draining. Kept by `moveTo`. */
  running = false;
  /** What the balancer believes: the health checks' verdict when they are configured, else the truth. */
  checkedHealthy = false;
  /** Whether the balancer chooses among this server, its being full aside (set by `updateRotation`). */
  inRotation = false;
  /** When it last came into rotation (kept by pool control), for slow start and a cold start; undefined while out. */
  inRotationSince: number | undefined;
  /** Ejected by outlier detection and not in panic (overload model only): out of the balancer's choice. */
  ejected = false;
  /** Bumped by every crash, so completions scheduled before the crash are recognised as lost. */
  epoch = 0;
  inService = 0;
  /** How many of those in service are measured (past warm-up), to count them if a crash loses them. */
  measuredInService = 0;
  /** Long-lived connections open on it, and how many of those are measured. */
  open = 0;
  measuredOpen = 0;
  /** Requests and connections it finished, warm-up included. */
  served = 0;
  /** The most connections it has had open at once (kept by the simulator on admission). */
  peakOpen = 0;
  /** Requests routed to it since the last snapshot. */
  routedInWindow = 0;
  readonly addedAtMs: number;
  removedAtMs: number | undefined;
  /** ∫ inService dt up to `busySince`: worker-milliseconds spent serving. */
  private busyArea = 0;
  private busySince: number;

  /** `maxConn` is HAProxy's per-server `maxconn`: past it the balancer queues rather than sends. */
  constructor(index: number, spec: ServerSpec, nowMs = 0, maxConn = Infinity) {
    this.view = { id: backendId(serverName(index)), weight: spec.weight, usable: false, activeConnections: 0 };
    this.capacity = spec.capacity;
    this.spec = spec;
    this.limit = Math.min(spec.capacity + (spec.queueLimit ?? Infinity), maxConn);
    this.addedAtMs = nowMs;
    this.busySince = nowMs;
  }

  /** Requests on this server, serving or waiting: with its open connections, what the balancer counts. */
  get held(): number {
    return this.inService + this.waiting.length;
  }

  get state(): ServerState {
    return this.current;
  }

  /** Changes state; the caller then calls `updateRotation`. */
  moveTo(state: ServerState, nowMs: number): void {
    this.current = state;
    this.running = state === 'up' || state === 'draining';
    if (state === 'removed') this.removedAtMs = nowMs;
  }

  /** A crash: every request and connection it held is gone, and completions already scheduled for them are void (new epoch). */
  loseEverything(nowMs: number): void {
    this.markBusy(nowMs);
    this.epoch += 1;
    this.inService = 0;
    this.measuredInService = 0;
    this.open = 0;
    this.measuredOpen = 0;
    this.moveTo(this.current === 'draining' ? 'removed' : 'down', nowMs);
  }

  /** A draining server that holds nothing more is removed. */
  finishDrain(nowMs: number): void {
    if (this.current !== 'draining' || this.held > 0 || this.open > 0) return;
    this.moveTo('removed', nowMs);
    this.updateRotation();
  }

  /** How long `request` takes here when started at `nowMs`: its cost, times the slowdown once that has begun. */
  serviceMs(request: HeldRequest, nowMs: number): number {
    const { slowdown } = this.spec;
    return slowdown !== undefined && nowMs >= slowdown.atMs ? request.costMs * slowdown.factor : request.costMs;
  }

  /** Call before `inService` changes: accumulates busy time up to `nowMs`. */
  markBusy(nowMs: number): void {
    this.busyArea += this.inService * (nowMs - this.busySince);
    this.busySince = nowMs;
  }

  /** Worker-milliseconds spent serving up to `nowMs`. */
  busyMs(nowMs: number): number {
    return this.busyArea + this.inService * (nowMs - this.busySince);
  }

  /** How many times its normal cost a request admitted now takes: a `coldStart` that wears off after joining (`serviceMs` adds any slowdown). */
  coldStartFactor(nowMs: number): number {
    const { coldStart } = this.spec;
    if (!coldStart || this.inRotationSince === undefined) return 1;
    const cooled = Math.min(1, (nowMs - this.inRotationSince) / coldStart.durationMs);
    return coldStart.factor - (coldStart.factor - 1) * cooled;
  }

  /** Busy time over capacity × the time it has been in the pool. */
  utilisation(nowMs: number): number {
    const elapsed = (this.removedAtMs ?? nowMs) - this.addedAtMs;
    return elapsed <= 0 ? 0 : this.busyMs(nowMs) / (this.capacity * elapsed);
  }

  /** Publishes the current load and availability to the balancer's view. */
  refresh(): void {
    this.view.activeConnections = this.held + this.open;
    this.view.usable = this.inRotation && !this.ejected && this.held < this.limit;
  }

  /** Recomputes `inRotation` after a change of state or of the checks' verdict; true when it flipped. */
  updateRotation(): boolean {
    // A crashed server stays in rotation while the balancer still believes it healthy.
    const inRotation = (this.state === 'up' || this.state === 'down') && this.checkedHealthy;
    const flipped = inRotation !== this.inRotation;
    this.inRotation = inRotation;
    this.refresh();
    return flipped;
  }
}
