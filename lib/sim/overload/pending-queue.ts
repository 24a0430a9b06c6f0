/** An entry that may leave the queue early (its timeout fired, its client gave up): skipped when reached. */
export interface Pending {
  cancelled: boolean;
}

/**
 * The balancer's queue of tries waiting for a connection slot (HAProxy's backend queue, Envoy's
 * pending requests). FIFO serves the oldest first, as HAProxy does; LIFO serves the newest first,
 * as Facebook's adaptive LIFO does under load (Maurer, "Fail at Scale", ACM Queue 13(8), 2015,
 * https://queue.acm.org/detail.cfm?id=2839461): the newest request is the one whose client is
 * still waiting. Cancelled entries are dropped lazily, so `length` counts only live ones.
 */
export class PendingQueue<T extends Pending> {
  private items: T[] = [];
  private head = 0;
  private live = 0;

  constructor(readonly order: 'fifo' | 'lifo') {}

  get length(): number {
    return this.live;
  }

  push(item: T): void {
    this.items.push(item);
    this.live += 1;
  }

  /** Call when a queued entry is cancelled, so `length` stays right. */
  cancelled(): void {
    this.live -= 1;
  }

  /** The next live entry in queue order, or undefined. */
  take(): T | undefined {
    while (this.head < this.items.length) {
      const item = this.order === 'fifo' ? this.items[this.head++]! : this.items.pop()!;
      if (item.cancelled) continue;
      this.live -= 1;
      this.compact();
      return item;
    }
    return undefined;
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
