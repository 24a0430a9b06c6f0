import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/random/seeded';
import { EventQueue } from '@/lib/sim/event-queue';

function drain<T>(queue: EventQueue<T>): T[] {
  const items: T[] = [];
  for (let item = queue.pop(); item !== undefined; item = queue.pop()) items.push(item);
  return items;
}

describe('event queue', () => {
  it('pops the earliest event first, whatever order they were pushed in', () => {
    const queue = new EventQueue<string>();
    queue.push(30, 'c');
    queue.push(10, 'a');
    queue.push(20, 'b');
    expect(queue.peekTime()).toBe(10);
    expect(drain(queue)).toEqual(['a', 'b', 'c']);
  });

  it('pops events at the same time in the order they were pushed', () => {
    const queue = new EventQueue<number>();
    for (let i = 0; i < 50; i += 1) queue.push(5, i);
    expect(drain(queue)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('orders like a stable sort by time under interleaved pushes and pops', () => {
    const random = seededRandom(7);
    const queue = new EventQueue<{ time: number; id: number }>();
    const popped: { time: number; id: number }[] = [];
    const pushed: { time: number; id: number }[] = [];
    let clock = 0;
    for (let id = 0; id < 5000; id += 1) {
      // Few distinct times, so ties are common; never earlier than the last pop, as in a simulation.
      const event = { time: clock + Math.floor(random() * 8), id };
      pushed.push(event);
      queue.push(event.time, event);
      if (random() < 0.4) {
        const next = queue.pop()!;
        clock = next.time;
        popped.push(next);
      }
    }
    popped.push(...drain(queue));
    expect(popped).toEqual([...pushed].sort((a, b) => a.time - b.time || a.id - b.id));
  });

  it('reports an empty queue as size 0, time Infinity and nothing to pop', () => {
    const queue = new EventQueue<string>();
    expect(queue.size).toBe(0);
    expect(queue.peekTime()).toBe(Infinity);
    expect(queue.pop()).toBeUndefined();
  });
});
