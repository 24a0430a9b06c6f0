import { backendId, type BackendView } from '@/lib/balancers/types';
import type { ServerSpec } from './scenario';

/** A request on its way through a server: when it arrived, whether it counts (past warm-up) and the service time it needs. */
export interface HeldRequest {
  arrivedAt: number;
  measured: boolean;
  costMs: number;
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

/** One simulated backend: `capacity` workers in parallel and a FIFO queue in front of them. */
export class SimServer {
  /** What the balancer sees; kept in step with the server by `refresh`. */
  readonly view: BackendView;
  readonly capacity: number;
  /** Requests it may hold at once, serving and waiting. */
  readonly limit: number;
  readonly waiting = new Fifo<HeldRequest>();
  up = true;
  /** Bumped by every crash, so completions scheduled before the crash are recognised as lost. */
  epoch = 0;
  inService = 0;
  /** How many of those in service are measured (past warm-up), to count them if a crash loses them. */
  measuredInService = 0;

  constructor(index: number, spec: ServerSpec) {
    this.view = { id: backendId(serverName(index)), weight: spec.weight, usable: true, activeConnections: 0 };
    this.capacity = spec.capacity;
    this.limit = spec.capacity + (spec.queueLimit ?? Infinity);
  }

  /** Requests on this server, serving or waiting: what the balancer counts as its active connections. */
  get held(): number {
    return this.inService + this.waiting.length;
  }

  /** Whether a new request can be taken now. */
  get accepts(): boolean {
    return this.up && this.held < this.limit;
  }

  /** Publishes the current load and availability to the balancer's view. */
  refresh(): void {
    this.view.activeConnections = this.held;
    this.view.usable = this.accepts;
  }
}
