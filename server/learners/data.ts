import 'server-only';
import { createHash } from 'node:crypto';
import { Prisma } from '@prisma/client';
import type { LearnerExport } from '@/lib/account/export-schema';
import { importedIds } from '@/lib/account/imported-ids';
import { rowCounts, rowsFromExport, toExport, type LearnerRows, type RowTable } from '@/lib/account/learner-rows';
import { db } from '../db/db';
import { ApiError } from '../http/api-error';
import { isLostRace, type Tx } from './writes';

/*
 * A learner's whole data set: read for export, replaced by an import, deleted on request. Every
 * table keyed by learner is listed here once (test/integration/account-data.test.ts fails when a
 * new one is not); lib/account/ turns the rows into the file and back.
 */

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

// A full 5 MB learner is tens of thousands of rows, read or written one table after another; the
// default 5 s is for single writes.
const WHOLE_LEARNER = { maxWait: 10_000, timeout: 60_000 };
// One snapshot: a write landing between two reads must not leave an attempt naming a session the file lacks.
// Serializable is the one level both SQLite and PostgreSQL accept.
export const SNAPSHOT = { ...WHOLE_LEARNER, isolationLevel: Prisma.TransactionIsolationLevel.Serializable };

function noRows(): LearnerRows {
  return {
    learner: { timeZone: null },
    lessonProgress: [],
    quizAnswers: [],
    progressEvents: [],
    drillEvents: [],
    mockSessions: [],
    mockQuestions: [],
    mockPhaseAnswers: [],
    drillAttempts: [],
    drillDisputes: [],
    reviewCards: [],
    reviewLogs: [],
    submissions: [],
    exerciseDrafts: [],
  };
}

/** Everything stored for a learner, table by table, read in one snapshot; an unknown learner has nothing. */
export async function fetchLearnerRows(learnerId: string | undefined): Promise<LearnerRows> {
  if (!learnerId) return noRows();
  return db.$transaction((tx) => readLearnerRows(tx, learnerId), SNAPSHOT);
}

/** The same rows, read through a transaction the caller holds (so it can write on what it read). */
export async function readLearnerRows(tx: Tx, learnerId: string): Promise<LearnerRows> {
  const mine = { learnerId };
  const learner = await tx.learner.findUnique({ where: { id: learnerId }, select: { timeZone: true } });
  if (!learner) return noRows();
  return {
    learner,
    lessonProgress: await tx.lessonProgress.findMany({ where: mine }),
    quizAnswers: await tx.quizAnswer.findMany({ where: mine }),
    progressEvents: await tx.progressEvent.findMany({ where: mine }),
    drillEvents: await tx.drillEvent.findMany({ where: mine }),
    mockSessions: await tx.mockSession.findMany({ where: mine }),
    mockQuestions: await tx.mockQuestion.findMany({ where: { session: mine } }),
    mockPhaseAnswers: await tx.mockPhaseAnswer.findMany({ where: { question: { session: mine } } }),
    drillAttempts: await tx.drillAttempt.findMany({ where: mine }),
    drillDisputes: await tx.drillDispute.findMany({ where: { attempt: mine } }),
    reviewCards: await tx.reviewCard.findMany({ where: mine }),
    // Through the card: ReviewLog.learnerId is a copy, and the card is what owns the log.
    reviewLogs: await tx.reviewLog.findMany({ where: { card: mine } }),
    submissions: await tx.submission.findMany({ where: mine }),
    exerciseDrafts: await tx.exerciseDraft.findMany({ where: mine }),
  };
}

/** The export file of everything stored for a learner (empty lists for none). */
export async function exportLearnerData(learnerId: string | undefined, now: Date = new Date()): Promise<LearnerExport> {
  return toExport(await fetchLearnerRows(learnerId), now);
}

/** Deletes every row keyed by the learner, children first, leaving the Learner row itself. */
async function clearLearnerRows(tx: Tx, learnerId: string): Promise<void> {
  const mine = { learnerId };
  await tx.reviewLog.deleteMany({ where: { card: mine } });
  await tx.mockPhaseAnswer.deleteMany({ where: { question: { session: mine } } });
  await tx.drillAttempt.deleteMany({ where: mine });
  await tx.mockQuestion.deleteMany({ where: { session: mine } });
  await tx.mockSession.deleteMany({ where: mine });
  await tx.reviewCard.deleteMany({ where: mine });
  await tx.progressEvent.deleteMany({ where: mine });
  await tx.drillEvent.deleteMany({ where: mine });
  await tx.lessonProgress.deleteMany({ where: mine });
  await tx.quizAnswer.deleteMany({ where: mine });
  await tx.submission.deleteMany({ where: mine });
  await tx.exerciseDraft.deleteMany({ where: mine });
}

async function insertLearnerRows(tx: Tx, rows: LearnerRows): Promise<void> {
  await tx.lessonProgress.createMany({ data: rows.lessonProgress });
  await tx.quizAnswer.createMany({ data: rows.quizAnswers });
  await tx.progressEvent.createMany({ data: rows.progressEvents });
  await tx.drillEvent.createMany({ data: rows.drillEvents });
  await tx.mockSession.createMany({ data: rows.mockSessions });
  await tx.mockQuestion.createMany({ data: rows.mockQuestions });
  await tx.mockPhaseAnswer.createMany({ data: rows.mockPhaseAnswers });
  await tx.drillAttempt.createMany({ data: rows.drillAttempts });
  await tx.drillDispute.createMany({ data: rows.drillDisputes });
  await tx.reviewCard.createMany({ data: rows.reviewCards });
  await tx.reviewLog.createMany({ data: rows.reviewLogs });
  await tx.submission.createMany({ data: rows.submissions });
  await tx.exerciseDraft.createMany({ data: rows.exerciseDrafts });
}

/**
 * Replaces everything stored for a learner with a validated file's rows, in one transaction: the
 * learner row (created if new, its time zone set from the file), then the old rows out and the
 * file's in, with ids derived from the learner and the file's ids, so the same file imported twice
 * leaves the same rows, and a failure anywhere leaves the learner's data as it was.
 */
export async function replaceLearnerData(learner: { id: string; isNew: boolean }, file: LearnerExport): Promise<Record<RowTable, number>> {
  const rows = rowsFromExport(file, learner.id, importedIds(learner.id, sha256Hex));
  try {
    await db.$transaction(async (tx) => {
      const { timeZone } = rows.learner;
      await tx.learner.upsert({ where: { id: learner.id }, create: { id: learner.id, timeZone }, update: { timeZone } });
      await clearLearnerRows(tx, learner.id);
      await insertLearnerRows(tx, rows);
    }, WHOLE_LEARNER);
  } catch (error) {
    // The file's own keys are unique (export-schema.ts), so a clash is with a row written meanwhile.
    // A write by the same learner landed while the import ran; nothing was imported.
    if (isLostRace(error)) throw new ApiError(409, 'Your data changed while the file was being imported; nothing was imported. Try again.');
    throw error;
  }
  return rowCounts(rows);
}

/** Deletes the learner and, by cascade (prisma/schema.prisma onDelete), every row keyed by them. No learner, no error. */
export async function deleteLearnerData(learnerId: string): Promise<void> {
  await db.learner.deleteMany({ where: { id: learnerId } });
}
