/**
 * A binary min-heap of events keyed by (time, insertion order). Two events at the same instant pop
 * in the order they were pushed, so a run never depends on how the heap happens to break ties.
 *
 * Times, sequence numbers and payloads live in parallel arrays and entries move by shifting a hole
 * rather than swapping: a push allocates nothing beyond the payload, which keeps millions of events cheap.
 */
export class EventQueue<T> {
  private readonly times: number[] = [];
  private readonly sequences: number[] = [];
  private readonly items: T[] = [];
  private nextSequence = 0;

  /** How many events are waiting. */
  get size(): number {
    return this.items.length;
  }

  /** The time of the earliest event, or Infinity when the queue is empty. */
  peekTime(): number {
    return this.items.length === 0 ? Infinity : this.times[0]!;
  }

  /** Schedules `item` at `time`; it pops after every event already scheduled at that same time. */
  push(time: number, item: T): void {
    const { times, sequences, items } = this;
    const sequence = this.nextSequence++;
    let hole = items.length;
    times.push(time);
    sequences.push(sequence);
    items.push(item);
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime < time || (parentTime === time && sequences[parent]! < sequence)) break;
      this.move(parent, hole);
      hole = parent;
    }
    this.place(hole, time, sequence, item);
  }

  /** Removes and returns the earliest event, or undefined when the queue is empty. */
  pop(): T | undefined {
    const { times, sequences, items } = this;
    if (items.length === 0) return undefined;
    const top = items[0];
    // Take the last entry out and sink it from the root.
    const time = times.pop()!;
    const sequence = sequences.pop()!;
    const item = items.pop()!;
    const count = items.length;
    if (count === 0) return top;
    let hole = 0;
    for (;;) {
      const left = 2 * hole + 1;
      if (left >= count) break;
      const right = left + 1;
      const child = right < count && this.before(right, times[left]!, sequences[left]!) ? right : left;
      if (!this.before(child, time, sequence)) break;
      this.move(child, hole);
      hole = child;
    }
    this.place(hole, time, sequence, item);
    return top;
  }

  /** Whether the entry at `index` pops before an entry with this time and sequence. */
  private before(index: number, time: number, sequence: number): boolean {
    const other = this.times[index]!;
    return other < time || (other === time && this.sequences[index]! < sequence);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.sequences[to] = this.sequences[from]!;
    this.items[to] = this.items[from]!;
  }

  private place(index: number, time: number, sequence: number, item: T): void {
    this.times[index] = time;
    this.sequences[index] = sequence;
    this.items[index] = item;
  }
}
