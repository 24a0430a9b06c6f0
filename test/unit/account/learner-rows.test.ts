import { describe, expect, it } from 'vitest';
import { learnerExportSchema } from '@/lib/account/export-schema';
import { rowCounts, rowsFromExport, toExport, type LearnerRows } from '@/lib/account/learner-rows';
import { LEARNER, learnerRows, VERDICT } from './fixtures';

const EXPORTED_AT = new Date('2026-11-28T08:00:00.000Z');
const unchanged = (id: string) => id;

/** Each table's rows in one canonical order, so two row sets compare as sets. */
function canonical(rows: LearnerRows): LearnerRows {
  const sorted = <T>(list: T[]) => [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return Object.fromEntries(Object.entries(rows).map(([table, value]) => [table, Array.isArray(value) ? sorted(value) : value])) as unknown as LearnerRows;
}

describe('the export file built from a learner’s rows', () => {
  const file = toExport(learnerRows(), EXPORTED_AT);

  it('is a file the import accepts, versioned and dated', () => {
    expect(learnerExportSchema.safeParse(file).error?.issues).toBeUndefined();
    expect(file).toMatchObject({ format: 'traffic-cop-export', version: 1, exportedAt: '2026-11-28T08:00:00.000Z', learner: { timeZone: 'Europe/Paris' } });
  });

  it('names no learner: no learnerId anywhere in it', () => {
    expect(JSON.stringify(file)).not.toContain('learnerId');
    expect(JSON.stringify(file)).not.toContain(LEARNER);
  });

  it('nests mock questions and their phase answers under the session, and logs under their card, in order', () => {
    const [session] = file.mockSessions;
    expect(session!.questions).toHaveLength(1);
    expect(session!.questions[0]!.answers.map((answer) => answer.phase)).toEqual([0, 1]);
    expect(file.reviewCards.map((card) => card.sourceKey)).toEqual(['question:round-robin-when-and-why-not', 'rubric:sticky-sessions-tradeoffs:failover']);
    expect(file.reviewCards[0]!.logs.map((log) => log.rating)).toEqual([1, 3]);
    expect(file.reviewCards[1]!.logs).toEqual([]);
  });

  it('writes JSON columns as JSON and times as ISO strings', () => {
    expect(file.quizAnswers.map((answer) => answer.answer)).toEqual([2, 'weighted']);
    expect(file.progressEvents[1]!.payload).toEqual({ questionId: 'rr-order', response: 2, correct: true });
    expect(file.mockSessions[0]!.phaseSeconds).toEqual([60, 120, 180, 60]);
    expect(file.drillAttempts[0]!.sections).toEqual({ claim: 'Round robin gives each request to the next server.' });
    expect(file.submissions[0]!.verdict).toEqual(VERDICT);
    expect(file.lessonProgress[0]!.completedAt).toBe('2026-11-27T09:01:00.123Z');
  });

  it('is the same file whatever order the database returned the rows in', () => {
    const reversed = Object.fromEntries(Object.entries(learnerRows()).map(([table, value]) => [table, Array.isArray(value) ? [...value].reverse() : value])) as unknown as LearnerRows;
    expect(toExport(reversed, EXPORTED_AT)).toEqual(file);
  });
});

describe('the rows an export file becomes', () => {
  const file = toExport(learnerRows(), EXPORTED_AT);

  it('are exactly the rows it was exported from, when no id changes', () => {
    expect(canonical(rowsFromExport(file, LEARNER, unchanged))).toEqual(canonical(learnerRows()));
  });

  it('belong to the target learner, every row and every log', () => {
    const rows = rowsFromExport(file, 'b'.repeat(32), unchanged);
    expect(canonical(rows)).toEqual(canonical(learnerRows('b'.repeat(32))));
  });

  it('give every row a new id and every reference to it the same new id', () => {
    const rows = rowsFromExport(file, LEARNER, (id) => `new-${id}`);
    const ids = [rows.progressEvents, rows.drillEvents, rows.drillAttempts, rows.mockSessions, rows.reviewCards, rows.reviewLogs, rows.submissions].flat().map((row) => row.id);
    expect(ids.every((id) => id.startsWith('new-'))).toBe(true);
    expect(rows.drillAttempts.map((attempt) => attempt.mockSessionId)).toEqual([null, 'new-session-1']);
    expect(rows.drillDisputes.map((dispute) => dispute.attemptId)).toEqual(['new-attempt-practice']);
    expect(new Set([...rows.mockQuestions, ...rows.mockPhaseAnswers].map((row) => row.sessionId))).toEqual(new Set(['new-session-1']));
    expect(new Set(rows.reviewLogs.map((log) => log.cardId))).toEqual(new Set(['new-card-question']));
    expect(rows.drillEvents.map((event) => event.subjectId)).toEqual(['new-attempt-practice', 'new-session-1', 'new-card-question']);
  });

  it('are counted per table for the import’s answer', () => {
    expect(rowCounts(rowsFromExport(file, LEARNER, unchanged))).toEqual({
      lessonProgress: 2,
      quizAnswers: 2,
      progressEvents: 2,
      drillEvents: 3,
      mockSessions: 1,
      mockQuestions: 1,
      mockPhaseAnswers: 2,
      drillAttempts: 2,
      drillDisputes: 1,
      reviewCards: 2,
      reviewLogs: 2,
      submissions: 1,
      exerciseDrafts: 1,
    });
  });
});
