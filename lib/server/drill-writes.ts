import 'server-only';
import { Prisma } from '@prisma/client';
import { db } from './db';
import { DrillRequestError } from './drill-errors';
import type { WritingLearner } from './learner-identity';

export type Tx = Prisma.TransactionClient;

export interface DrillEventInput {
  kind: string;
  /** The row the write creates or changes: a retry finds it through the event. */
  subjectId: string;
  payload: Record<string, unknown>;
  requestId: string;
}

export type DrillWriteResult<T> = { duplicate: false; value: T } | { duplicate: true; subjectId: string; payload: Record<string, unknown> };

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Applies one drill write: the learner row if new, an append-only event, and the derived rows,
 * all in one transaction, so a failure anywhere writes nothing. A requestId the learner already
 * used changes nothing and reports what the first request wrote.
 */
export async function applyDrillWrite<T>(learner: WritingLearner, event: DrillEventInput, write: (tx: Tx) => Promise<T>): Promise<DrillWriteResult<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const value = await db.$transaction(async (tx) => {
        if (learner.isNew) await tx.learner.create({ data: { id: learner.id, timeZone: learner.timeZone ?? null } });
        else if (learner.timeZone) await tx.learner.update({ where: { id: learner.id }, data: { timeZone: learner.timeZone } });
        await tx.drillEvent.create({
          data: { learnerId: learner.id, kind: event.kind, subjectId: event.subjectId, payload: JSON.stringify(event.payload), requestId: event.requestId },
        });
        return write(tx);
      });
      return { duplicate: false, value };
    } catch (error) {
      if (!isUniqueViolation(error) || learner.isNew) throw error;
      const previous = await db.drillEvent.findUnique({ where: { learnerId_requestId: { learnerId: learner.id, requestId: event.requestId } } });
      if (previous) {
        if (previous.kind !== event.kind) throw new DrillRequestError(409, 'That requestId was already used for a different request; send a fresh one.');
        return { duplicate: true, subjectId: previous.subjectId, payload: JSON.parse(previous.payload) as Record<string, unknown> };
      }
      // Not this request twice: another write of the same learner committed a row this one also
      // inserts (two answers adding the same review card, say). PostgreSQL runs them side by side
      // where SQLite queues them; running again sees the other's row and takes the update path.
      if (attempt >= MAX_WRITE_ATTEMPTS) throw error;
    }
  }
}

/** Tries of one drill write that lost a unique-key race to the same learner's other write. */
const MAX_WRITE_ATTEMPTS = 3;

/** The learner's stored time zone, or UTC for a learner who never sent one. */
export async function learnerTimeZone(learnerId: string): Promise<string> {
  const learner = await db.learner.findUnique({ where: { id: learnerId }, select: { timeZone: true } });
  return learner?.timeZone ?? 'UTC';
}
