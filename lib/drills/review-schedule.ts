import { createEmptyCard, fsrs, State, type Card, type Grade } from 'ts-fsrs';
import type { CardState, SelfRating } from './view';

/** A card's FSRS memory state as stored (ts-fsrs Card, with the deprecated elapsed_days kept for replay). */
export interface CardMemory {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

/** One review as ts-fsrs logs it: enough to roll the card back or replay its history. */
export interface ReviewRecord {
  rating: SelfRating;
  /** State before the review. */
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reviewedAt: Date;
}

/**
 * ts-fsrs with its defaults (FSRS-6 weights, 90% retention, learning steps 1 and 10 minutes) and
 * fuzz on, as Anki does, so cards learned together do not all come due on the same day.
 */
const scheduler = fsrs({ enable_fuzz: true });

/** New cards a learner meets per day at most: missed points can add many at once, and a wall of new cards is how decks get abandoned. */
export const NEW_CARDS_PER_DAY = 20;

function toCard(memory: CardMemory): Card {
  return {
    due: memory.due,
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsed_days: memory.elapsedDays,
    scheduled_days: memory.scheduledDays,
    learning_steps: memory.learningSteps,
    reps: memory.reps,
    lapses: memory.lapses,
    state: memory.state as State,
    last_review: memory.lastReview ?? undefined,
  };
}

function fromCard(card: Card): CardMemory {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** A card never reviewed, due at once. */
export function newCardMemory(now: Date): CardMemory {
  return fromCard(createEmptyCard(now));
}

/** Applies one rating (FSRS through ts-fsrs): the card's next state and the log of this review. */
export function reviewCard(memory: CardMemory, rating: SelfRating, now: Date): { memory: CardMemory; record: ReviewRecord } {
  const { card, log } = scheduler.next(toCard(memory), now, rating as Grade);
  return {
    memory: fromCard(card),
    record: {
      rating,
      state: log.state,
      due: log.due,
      stability: log.stability,
      difficulty: log.difficulty,
      elapsedDays: log.elapsed_days,
      lastElapsedDays: log.last_elapsed_days,
      scheduledDays: log.scheduled_days,
      learningSteps: log.learning_steps,
      reviewedAt: log.review,
    },
  };
}

/** When each rating would bring the card back, as "1 min", "10 min", "3 days". */
export function previewIntervals(memory: CardMemory, now: Date): Record<SelfRating, string> {
  const preview = (rating: SelfRating) => formatInterval(now, reviewCard(memory, rating, now).memory.due);
  return { 1: preview(1), 2: preview(2), 3: preview(3), 4: preview(4) };
}

/** A gap between two instants, rounded the way a learner reads it: minutes, hours, days, months, years. */
export function formatInterval(from: Date, to: Date): string {
  const minutes = Math.max(1, Math.round((to.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  if (days < 31) return `${days} day${days === 1 ? '' : 's'}`;
  if (days < 365) return `${Math.round(days / 30)} mo`;
  const years = Math.round((days / 365) * 10) / 10;
  return `${years} yr`;
}

export function cardStateName(state: number): CardState {
  if (state === State.Learning) return 'learning';
  if (state === State.Review) return 'review';
  if (state === State.Relearning) return 'relearning';
  return 'new';
}

/**
 * Today's queue, in the order to review it: cards already being learned that are due (oldest due
 * first), then new cards, oldest first, up to what is left of today's allowance.
 */
export function dailyQueue<T extends { state: number; due: Date }>(cards: readonly T[], now: Date, newSeenToday: number): T[] {
  const due = cards.filter((card) => card.state !== State.New && card.due <= now).sort((a, b) => a.due.getTime() - b.due.getTime());
  const allowance = Math.max(0, NEW_CARDS_PER_DAY - newSeenToday);
  const fresh = cards.filter((card) => card.state === State.New).sort((a, b) => a.due.getTime() - b.due.getTime()).slice(0, allowance);
  return [...due, ...fresh];
}

export { State as CardStates };
