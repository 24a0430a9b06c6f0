import 'server-only';
import { Prisma } from '@prisma/client';
import { isDriverAdapterError } from '@prisma/driver-adapter-utils';
import { db } from '../db/db';
import { ApiError } from '../http/api-error';
import type { WritingLearner } from './identity';

export type Tx = Prisma.TransactionClient;

/**
 * The append-only event a write leaves, keyed by the client's requestId: lesson progress and
 * quiz answers in the progress log, everything else (drills, reviews, exercise drafts and
 * submissions, guest merges) in the activity log, whose subjectId names the row the write made.
 */
export type LearnerEvent =
  | { log: 'progress'; kind: string; lessonId: string; contentVersion: string; payload: Record<string, unknown>; requestId: string }
  | { log: 'activity'; kind: string; subjectId: string; payload: Record<string, unknown>; requestId: string };

/** The event an earlier request with the same requestId left. */
export interface PreviousEvent {
  kind: string;
  /** The activity log's subjectId; the lesson id for the progress log. */
  subjectId: string;
  payload: Record<string, unknown>;
}

export type LearnerWriteResult<T> = { duplicate: false; value: T } | { duplicate: true; previous: PreviousEvent };

export interface LearnerWriteOptions {
  /** Prisma's transaction options (isolation level, timeouts) for a write that reads much before it writes. */
  transaction?: { isolationLevel?: Prisma.TransactionIsolationLevel; maxWait?: number; timeout?: number };
}

/** A requestId the learner already used for another kind of write (a client bug, or a tampered request). */
export const requestIdReused = () => new ApiError(409, 'That requestId was already used for a different request; send a fresh one.');

/** Tries of one write that lost a race to the same learner's other write. */
export const MAX_WRITE_ATTEMPTS = 4;

/**
 * A unique key met (P2002), or PostgreSQL's serialization failure or deadlock (P2034). A
 * serializable transaction that fails at COMMIT reaches us as the driver adapter's own error, not
 * as P2034 (Prisma 6.19 with @prisma/adapter-pg).
 */
export function isLostRace(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === 'P2002' || error.code === 'P2034';
  return isDriverAdapterError(error) && (error.cause.kind === 'TransactionWriteConflict' || error.cause.kind === 'UniqueConstraintViolation');
}

async function insertEvent(tx: Tx, learnerId: string, event: LearnerEvent): Promise<void> {
  const { requestId, kind } = event;
  const payload = JSON.stringify(event.payload);
  if (event.log === 'progress') await tx.progressEvent.create({ data: { learnerId, lessonId: event.lessonId, kind, payload, contentVersion: event.contentVersion, requestId } });
  else await tx.drillEvent.create({ data: { learnerId, kind, subjectId: event.subjectId, payload, requestId } });
}

async function previousEvent(learnerId: string, event: LearnerEvent): Promise<PreviousEvent | undefined> {
  const key = { learnerId_requestId: { learnerId, requestId: event.requestId } };
  const row = event.log === 'progress' ? await db.progressEvent.findUnique({ where: key }) : await db.drillEvent.findUnique({ where: key });
  if (!row) return undefined;
  return { kind: row.kind, subjectId: 'subjectId' in row ? row.subjectId : row.lessonId, payload: JSON.parse(row.payload) as Record<string, unknown> };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one way a learner's data is written: the learner row if new (or its time zone, if sent), the
 * event, and the derived rows `write` makes, in one transaction, so a failure anywhere writes
 * nothing. A requestId the learner already used changes nothing and answers the first request's
 * event. Any other unique-key clash (or serialization failure) means another write of the same
 * learner committed a row this one also inserts, two answers adding one review card, say:
 * PostgreSQL runs them side by side where SQLite queues them, so the write runs again, sees the
 * other's row and takes the update path. Only the event's own key proves "already applied".
 */
export function applyLearnerWrite<T>(learner: WritingLearner, event: LearnerEvent, write: (tx: Tx) => Promise<T>, options?: LearnerWriteOptions): Promise<LearnerWriteResult<T>>;
/** With no event, for a write that is its own proof of having happened (the guest merge deletes the guest): never a duplicate. */
export function applyLearnerWrite<T>(learner: WritingLearner, event: null, write: (tx: Tx) => Promise<T>, options?: LearnerWriteOptions): Promise<{ duplicate: false; value: T }>;
export async function applyLearnerWrite<T>(
  learner: WritingLearner,
  event: LearnerEvent | null,
  write: (tx: Tx) => Promise<T>,
  options: LearnerWriteOptions = {},
): Promise<LearnerWriteResult<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const value = await db.$transaction(async (tx) => {
        if (learner.isNew) await tx.learner.create({ data: { id: learner.id, timeZone: learner.timeZone ?? null } });
        else if (learner.timeZone) await tx.learner.update({ where: { id: learner.id }, data: { timeZone: learner.timeZone } });
        if (event) await insertEvent(tx, learner.id, event);
        return write(tx);
      }, options.transaction);
      return { duplicate: false, value };
    } catch (error) {
      if (!isLostRace(error)) throw error;
      const previous = learner.isNew || !event ? undefined : await previousEvent(learner.id, event);
      if (previous) return { duplicate: true, previous };
      if (attempt >= MAX_WRITE_ATTEMPTS) throw error;
      // Serializable transactions that keep colliding part sooner with a little jitter.
      await pause(Math.random() * 10 * attempt);
    }
  }
}
