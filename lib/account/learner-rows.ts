import type { IdRemap } from './imported-ids';
import { EXPORT_FORMAT, EXPORT_VERSION, type LearnerExport } from './export-schema';

/*
 * A learner's rows as the database holds them (prisma/schema.prisma, column for column), and the two
 * conversions between them and the export file: nested where a row belongs to one parent (a mock
 * question to its session, a review log to its card), JSON columns as JSON, times as ISO strings.
 * The shapes are spelled out here because lib/ may not import Prisma; Prisma's rows fit them.
 */

export interface LessonProgressRow { learnerId: string; lessonId: string; completedAt: Date | null; updatedAt: Date }
export interface QuizAnswerRow { learnerId: string; lessonId: string; questionId: string; answer: string; correct: boolean; answeredAt: Date }
export interface ProgressEventRow { id: string; learnerId: string; lessonId: string; kind: string; payload: string; contentVersion: string; requestId: string; createdAt: Date }
export interface DrillEventRow { id: string; learnerId: string; kind: string; subjectId: string; payload: string; requestId: string; createdAt: Date }
export interface DrillAttemptRow {
  id: string;
  learnerId: string;
  questionId: string;
  mockSessionId: string | null;
  answer: string;
  sections: string | null;
  score: number;
  rawScore: number;
  earned: number;
  possible: number;
  covered: string;
  breakdown: string | null;
  rubricVersion: string | null;
  selfRating: number | null;
  createdAt: Date;
}
export interface DrillDisputeRow { attemptId: string; pointId: string; questionId: string; rubricVersion: string | null; confirmed: boolean; createdAt: Date; confirmedAt: Date | null }
export interface MockSessionRow { id: string; learnerId: string; status: string; phaseSeconds: string; position: number; phase: number; phaseStartedAt: Date; startedAt: Date; endedAt: Date | null }
export interface MockQuestionRow { sessionId: string; position: number; questionId: string; followUps: string | null }
export interface MockPhaseAnswerRow { sessionId: string; position: number; phase: number; text: string; seconds: number; submittedAt: Date }
export interface ReviewMemory { due: Date; stability: number; difficulty: number; elapsedDays: number; scheduledDays: number; learningSteps: number }
export interface ReviewCardRow extends ReviewMemory {
  id: string;
  learnerId: string;
  sourceKey: string;
  source: string;
  front: string;
  back: string;
  topic: string | null;
  href: string | null;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
  createdAt: Date;
}
export interface ReviewLogRow extends ReviewMemory { id: string; cardId: string; learnerId: string; rating: number; state: number; lastElapsedDays: number; reviewedAt: Date }
export interface SubmissionRow { id: string; learnerId: string; exerciseId: string; exerciseVersion: string; status: string; passed: number; total: number; code: string; verdict: string; createdAt: Date }
export interface ExerciseDraftRow { learnerId: string; exerciseId: string; code: string; updatedAt: Date }

/** Everything stored for one learner, table by table, parents before children. */
export interface LearnerRows {
  learner: { timeZone: string | null };
  lessonProgress: LessonProgressRow[];
  quizAnswers: QuizAnswerRow[];
  progressEvents: ProgressEventRow[];
  drillEvents: DrillEventRow[];
  mockSessions: MockSessionRow[];
  mockQuestions: MockQuestionRow[];
  mockPhaseAnswers: MockPhaseAnswerRow[];
  drillAttempts: DrillAttemptRow[];
  drillDisputes: DrillDisputeRow[];
  reviewCards: ReviewCardRow[];
  reviewLogs: ReviewLogRow[];
  submissions: SubmissionRow[];
  exerciseDrafts: ExerciseDraftRow[];
}

export type RowTable = Exclude<keyof LearnerRows, 'learner'>;

/** The tables, in the order an import writes them: every parent before its children. */
export const ROW_TABLES = [
  'lessonProgress',
  'quizAnswers',
  'progressEvents',
  'drillEvents',
  'mockSessions',
  'mockQuestions',
  'mockPhaseAnswers',
  'drillAttempts',
  'drillDisputes',
  'reviewCards',
  'reviewLogs',
  'submissions',
  'exerciseDrafts',
] as const satisfies readonly RowTable[];

type Assert<T extends true> = T;
/** Compiles only while ROW_TABLES names every table of LearnerRows. */
export type EveryTableListed = Assert<[Exclude<RowTable, (typeof ROW_TABLES)[number]>] extends [never] ? true : false>;

/** Rows per table, as the import reports them. */
export function rowCounts(rows: LearnerRows): Record<RowTable, number> {
  return Object.fromEntries(ROW_TABLES.map((table) => [table, rows[table].length])) as Record<RowTable, number>;
}

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? iso(date) : null);
const date = (text: string) => new Date(text);
const dateOrNull = (text: string | null) => (text === null ? null : date(text));
const json = <T>(text: string) => JSON.parse(text) as T;

/** Plain code-unit order, the same on every machine (localeCompare is not). */
function byKeys<T>(...keys: ((row: T) => string | number)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const [x, y] = [key(a), key(b)];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}

const memoryOf = (row: ReviewMemory) => ({
  due: iso(row.due),
  stability: row.stability,
  difficulty: row.difficulty,
  elapsedDays: row.elapsedDays,
  scheduledDays: row.scheduledDays,
  learningSteps: row.learningSteps,
});

/** Rows grouped by a key, each group in `order`: children listed under their parent without a scan per parent. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string, order: (a: T, b: T) => number): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  for (const group of groups.values()) group.sort(order);
  return groups;
}

/** The export file for a learner's rows, each list in a stable order so two exports of the same data are equal. */
export function toExport(rows: LearnerRows, exportedAt: Date): LearnerExport {
  const questions = groupBy(rows.mockQuestions, (question) => question.sessionId, byKeys((question) => question.position));
  const answers = groupBy(rows.mockPhaseAnswers, (answer) => `${answer.sessionId}/${answer.position}`, byKeys((answer) => answer.phase));
  const logs = groupBy(rows.reviewLogs, (log) => log.cardId, byKeys((log) => iso(log.reviewedAt), (log) => log.id));
  const questionsOf = (sessionId: string) =>
    (questions.get(sessionId) ?? []).map((question) => ({
      position: question.position,
      questionId: question.questionId,
      followUps: question.followUps === null ? null : json<string[]>(question.followUps),
      answers: (answers.get(`${sessionId}/${question.position}`) ?? []).map((answer) => ({ phase: answer.phase, text: answer.text, seconds: answer.seconds, submittedAt: iso(answer.submittedAt) })),
    }));
  const logsOf = (cardId: string) =>
    (logs.get(cardId) ?? []).map((log) => ({ id: log.id, rating: log.rating, state: log.state, ...memoryOf(log), lastElapsedDays: log.lastElapsedDays, reviewedAt: iso(log.reviewedAt) }));

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(exportedAt),
    learner: { timeZone: rows.learner.timeZone },
    lessonProgress: [...rows.lessonProgress]
      .sort(byKeys((row) => row.lessonId))
      .map((row) => ({ lessonId: row.lessonId, completedAt: isoOrNull(row.completedAt), updatedAt: iso(row.updatedAt) })),
    quizAnswers: [...rows.quizAnswers]
      .sort(byKeys((row) => row.lessonId, (row) => row.questionId))
      .map((row) => ({ lessonId: row.lessonId, questionId: row.questionId, answer: json<number | string>(row.answer), correct: row.correct, answeredAt: iso(row.answeredAt) })),
    progressEvents: [...rows.progressEvents]
      .sort(byKeys((row) => iso(row.createdAt), (row) => row.requestId))
      .map((row) => ({
        id: row.id,
        lessonId: row.lessonId,
        kind: row.kind as LearnerExport['progressEvents'][number]['kind'],
        payload: json(row.payload),
        contentVersion: row.contentVersion,
        requestId: row.requestId,
        createdAt: iso(row.createdAt),
      })),
    drillEvents: [...rows.drillEvents]
      .sort(byKeys((row) => iso(row.createdAt), (row) => row.requestId))
      .map((row) => ({ id: row.id, kind: row.kind, subjectId: row.subjectId, payload: json(row.payload), requestId: row.requestId, createdAt: iso(row.createdAt) })),
    drillAttempts: [...rows.drillAttempts]
      .sort(byKeys((row) => iso(row.createdAt), (row) => row.id))
      .map((row) => ({
        id: row.id,
        questionId: row.questionId,
        mockSessionId: row.mockSessionId,
        answer: row.answer,
        sections: row.sections === null ? null : json<Record<string, string>>(row.sections),
        score: row.score,
        rawScore: row.rawScore,
        earned: row.earned,
        possible: row.possible,
        covered: json<string[]>(row.covered),
        breakdown: row.breakdown,
        rubricVersion: row.rubricVersion,
        disputes: rows.drillDisputes
          .filter((dispute) => dispute.attemptId === row.id)
          .sort(byKeys((dispute) => dispute.pointId))
          .map((dispute) => ({ pointId: dispute.pointId, confirmed: dispute.confirmed, createdAt: iso(dispute.createdAt), confirmedAt: isoOrNull(dispute.confirmedAt) })),
        selfRating: row.selfRating,
        createdAt: iso(row.createdAt),
      })),
    mockSessions: [...rows.mockSessions]
      .sort(byKeys((row) => iso(row.startedAt), (row) => row.id))
      .map((row) => ({
        id: row.id,
        status: row.status as LearnerExport['mockSessions'][number]['status'],
        phaseSeconds: json<number[]>(row.phaseSeconds),
        position: row.position,
        phase: row.phase,
        phaseStartedAt: iso(row.phaseStartedAt),
        startedAt: iso(row.startedAt),
        endedAt: isoOrNull(row.endedAt),
        questions: questionsOf(row.id),
      })),
    reviewCards: [...rows.reviewCards]
      .sort(byKeys((row) => row.sourceKey))
      .map((row) => ({
        id: row.id,
        sourceKey: row.sourceKey,
        source: row.source as LearnerExport['reviewCards'][number]['source'],
        front: row.front,
        back: row.back,
        topic: row.topic,
        href: row.href,
        ...memoryOf(row),
        reps: row.reps,
        lapses: row.lapses,
        state: row.state,
        lastReview: isoOrNull(row.lastReview),
        createdAt: iso(row.createdAt),
        logs: logsOf(row.id),
      })),
    submissions: [...rows.submissions]
      .sort(byKeys((row) => iso(row.createdAt), (row) => row.id))
      .map((row) => ({
        id: row.id,
        exerciseId: row.exerciseId,
        exerciseVersion: row.exerciseVersion,
        status: row.status as LearnerExport['submissions'][number]['status'],
        passed: row.passed,
        total: row.total,
        code: row.code,
        verdict: json(row.verdict),
        createdAt: iso(row.createdAt),
      })),
    exerciseDrafts: [...rows.exerciseDrafts].sort(byKeys((row) => row.exerciseId)).map((row) => ({ exerciseId: row.exerciseId, code: row.code, updatedAt: iso(row.updatedAt) })),
  };
}

/**
 * The rows a validated file becomes for `learnerId`: every row id, and every reference to one,
 * passed through `remap` (imported-ids.ts), so the file's rows never collide with the rows they
 * were exported from and a second import of the same file writes the same ids.
 */
export function rowsFromExport(file: LearnerExport, learnerId: string, remap: IdRemap): LearnerRows {
  const memory = (row: LearnerExport['reviewCards'][number]['logs'][number] | LearnerExport['reviewCards'][number]): ReviewMemory => ({
    due: date(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
  });
  return {
    learner: { timeZone: file.learner.timeZone },
    lessonProgress: file.lessonProgress.map((row) => ({ learnerId, lessonId: row.lessonId, completedAt: dateOrNull(row.completedAt), updatedAt: date(row.updatedAt) })),
    quizAnswers: file.quizAnswers.map((row) => ({
      learnerId,
      lessonId: row.lessonId,
      questionId: row.questionId,
      answer: JSON.stringify(row.answer),
      correct: row.correct,
      answeredAt: date(row.answeredAt),
    })),
    progressEvents: file.progressEvents.map((row) => ({
      id: remap(row.id),
      learnerId,
      lessonId: row.lessonId,
      kind: row.kind,
      payload: JSON.stringify(row.payload),
      contentVersion: row.contentVersion,
      requestId: row.requestId,
      createdAt: date(row.createdAt),
    })),
    // A subject that names no row in the file still maps away from the original learner's rows.
    drillEvents: file.drillEvents.map((row) => ({
      id: remap(row.id),
      learnerId,
      kind: row.kind,
      subjectId: remap(row.subjectId),
      payload: JSON.stringify(row.payload),
      requestId: row.requestId,
      createdAt: date(row.createdAt),
    })),
    mockSessions: file.mockSessions.map((row) => ({
      id: remap(row.id),
      learnerId,
      status: row.status,
      phaseSeconds: JSON.stringify(row.phaseSeconds),
      position: row.position,
      phase: row.phase,
      phaseStartedAt: date(row.phaseStartedAt),
      startedAt: date(row.startedAt),
      endedAt: dateOrNull(row.endedAt),
    })),
    mockQuestions: file.mockSessions.flatMap((session) =>
      session.questions.map((question) => ({
        sessionId: remap(session.id),
        position: question.position,
        questionId: question.questionId,
        followUps: question.followUps === null ? null : JSON.stringify(question.followUps),
      })),
    ),
    mockPhaseAnswers: file.mockSessions.flatMap((session) =>
      session.questions.flatMap((question) =>
        question.answers.map((answer) => ({ sessionId: remap(session.id), position: question.position, phase: answer.phase, text: answer.text, seconds: answer.seconds, submittedAt: date(answer.submittedAt) })),
      ),
    ),
    drillAttempts: file.drillAttempts.map((row) => ({
      id: remap(row.id),
      learnerId,
      questionId: row.questionId,
      mockSessionId: row.mockSessionId === null ? null : remap(row.mockSessionId),
      answer: row.answer,
      sections: row.sections === null ? null : JSON.stringify(row.sections),
      score: row.score,
      rawScore: row.rawScore,
      earned: row.earned,
      possible: row.possible,
      covered: JSON.stringify(row.covered),
      breakdown: row.breakdown,
      rubricVersion: row.rubricVersion,
      selfRating: row.selfRating,
      createdAt: date(row.createdAt),
    })),
    drillDisputes: file.drillAttempts.flatMap((row) =>
      row.disputes.map((dispute) => ({
        attemptId: remap(row.id),
        pointId: dispute.pointId,
        questionId: row.questionId,
        rubricVersion: row.rubricVersion,
        confirmed: dispute.confirmed,
        createdAt: date(dispute.createdAt),
        confirmedAt: dateOrNull(dispute.confirmedAt),
      })),
    ),
    reviewCards: file.reviewCards.map((row) => ({
      id: remap(row.id),
      learnerId,
      sourceKey: row.sourceKey,
      source: row.source,
      front: row.front,
      back: row.back,
      topic: row.topic,
      href: row.href,
      ...memory(row),
      reps: row.reps,
      lapses: row.lapses,
      state: row.state,
      lastReview: dateOrNull(row.lastReview),
      createdAt: date(row.createdAt),
    })),
    reviewLogs: file.reviewCards.flatMap((card) =>
      card.logs.map((log) => ({
        id: remap(log.id),
        cardId: remap(card.id),
        learnerId,
        rating: log.rating,
        state: log.state,
        ...memory(log),
        lastElapsedDays: log.lastElapsedDays,
        reviewedAt: date(log.reviewedAt),
      })),
    ),
    submissions: file.submissions.map((row) => ({
      id: remap(row.id),
      learnerId,
      exerciseId: row.exerciseId,
      exerciseVersion: row.exerciseVersion,
      status: row.status,
      passed: row.passed,
      total: row.total,
      code: row.code,
      verdict: JSON.stringify(row.verdict),
      createdAt: date(row.createdAt),
    })),
    exerciseDrafts: file.exerciseDrafts.map((row) => ({ learnerId, exerciseId: row.exerciseId, code: row.code, updatedAt: date(row.updatedAt) })),
  };
}
