import { describe, expect, it } from 'vitest';
import { cardStateName, dailyQueue, formatInterval, NEW_CARDS_PER_DAY, newCardMemory, previewIntervals, reviewCard } from '@/lib/drills/review-schedule';

const now = new Date('2026-11-27T09:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('FSRS scheduling through ts-fsrs', () => {
  it('brings a new card back in minutes for Again and later for each better rating', () => {
    const card = newCardMemory(now);
    const dues = ([1, 2, 3, 4] as const).map((rating) => reviewCard(card, rating, now).memory.due.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(dues[0]! - now.getTime()).toBe(60_000);
    expect(dues[3]! - now.getTime()).toBeGreaterThanOrEqual(86_400_000);
  });

  it('logs the state before the review and moves the card out of “new”', () => {
    const { memory, record } = reviewCard(newCardMemory(now), 3, now);
    expect(record).toMatchObject({ rating: 3, state: 0, reviewedAt: now });
    expect(cardStateName(memory.state)).toBe('learning');
    expect(memory.reps).toBe(1);
  });

  it('spaces a card further each time it is recalled', () => {
    let card = newCardMemory(now);
    const gaps: number[] = [];
    let at = now;
    for (let review = 0; review < 5; review += 1) {
      card = reviewCard(card, 3, at).memory;
      gaps.push(card.due.getTime() - at.getTime());
      at = card.due;
    }
    expect(gaps.slice(2).every((gap, index) => gap > gaps[index + 1]!)).toBe(true);
    expect(cardStateName(card.state)).toBe('review');
  });

  it('previews each rating as a readable interval', () => {
    const preview = previewIntervals(newCardMemory(now), now);
    expect(preview[1]).toBe('1 min');
    expect(preview[3]).toBe('10 min');
    expect(preview[4]).toMatch(/day/);
  });

  it('formats intervals in the unit a learner reads', () => {
    expect(formatInterval(now, minutes(0.2))).toBe('1 min');
    expect(formatInterval(now, minutes(90))).toBe('2 h');
    expect(formatInterval(now, minutes(60 * 24))).toBe('1 day');
    expect(formatInterval(now, minutes(60 * 24 * 90))).toBe('3 mo');
    expect(formatInterval(now, minutes(60 * 24 * 800))).toBe('2.2 yr');
  });
});

describe('dailyQueue', () => {
  const card = (id: string, state: number, dueInMinutes: number) => ({ id, state, due: minutes(dueInMinutes) });

  it('reviews due cards first, oldest first, then new cards; cards not yet due wait', () => {
    const queue = dailyQueue([card('new', 0, -5), card('later', 1, 10), card('due-late', 2, -1), card('due-early', 3, -60)], now, 0);
    expect(queue.map((entry) => entry.id)).toEqual(['due-early', 'due-late', 'new']);
  });

  it('introduces at most the daily allowance of new cards', () => {
    const fresh = Array.from({ length: NEW_CARDS_PER_DAY + 5 }, (_, index) => card(`n${index}`, 0, -index));
    expect(dailyQueue(fresh, now, 0)).toHaveLength(NEW_CARDS_PER_DAY);
    expect(dailyQueue(fresh, now, NEW_CARDS_PER_DAY - 2)).toHaveLength(2);
    expect(dailyQueue(fresh, now, NEW_CARDS_PER_DAY + 3)).toHaveLength(0);
  });
});
