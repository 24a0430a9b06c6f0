import { z } from 'zod';
import { dayKey, FALLBACK_TIME_ZONE, isTimeZone } from '@/lib/drills/calendar';
import { MOCK_PHASE_IDS, MOCK_QUESTIONS, PHASE_SECONDS } from '@/lib/drills/mock-phases';
import { newReviewCardSchema } from '@/lib/drills/review-cards';
import { MAX_ANSWER_CHARS } from '@/lib/drills/limits';
import { SUBMISSION_LIMIT_BYTES, utf8ByteLength } from '@/lib/grading/submission';
import { VERDICT_STATUSES, verdictSchema } from '@/lib/grading/verdict';

/*
 * The file a learner downloads from GET /api/account/export and uploads to POST
 * /api/account/import: every row stored for them, as readable JSON. One schema for both
 * directions, so the site never writes a file it would refuse to read. Content ids (lessons,
 * questions, exercises) are checked for shape only: content changes, and the site already
 * tolerates ids it no longer knows. Row ids are the exporting site's; an import gives every row
 * a new one (lib/account/imported-ids.ts), so they only have to be unique and well-formed.
 */

export const EXPORT_FORMAT = 'traffic-cop-export';
export const EXPORT_VERSION = 1;

/** Largest file the import reads. A year of daily practice is a few hundred KB. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The download's name, dated in the learner's own time zone: traffic-cop-export-2026-11-27.json. */
export function exportFileName(exportedAt: Date, timeZone: string | null): string {
  return `${EXPORT_FORMAT}-${dayKey(exportedAt, timeZone ?? FALLBACK_TIME_ZONE)}.json`;
}

const kebab = z.string().max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case id such as "round-robin"');
const rowId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a row id of 1–64 letters, digits, "-" or "_"');
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be a requestId of 8–64 letters, digits, "-" or "_"');
const version = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be a content version');
const instant = z.iso.datetime({ error: 'must be an ISO 8601 UTC time such as "2026-11-27T09:30:00.000Z"' });
const count = z.number().int().min(0).max(1_000_000_000);
const share = z.number().min(0).max(1);
const rating = z.number().int().min(1).max(4);
const cardState = z.number().int().min(0).max(3);
const answerText = z.string().max(MAX_ANSWER_CHARS);
const code = z.string().refine((text) => utf8ByteLength(text) <= SUBMISSION_LIMIT_BYTES, `code is at most ${SUBMISSION_LIMIT_BYTES / 1024} KB (UTF-8)`);

/** An event's payload: a flat object of scalars or lists of scalars (no deeper nesting is ever written). */
const scalar = z.union([z.string().max(MAX_ANSWER_CHARS), z.number(), z.boolean(), z.null()]);
const payload = z.record(z.string().max(64), z.union([scalar, z.array(scalar).max(100)]));

const lessonProgress = z.strictObject({ lessonId: kebab, completedAt: instant.nullable(), updatedAt: instant });

const quizAnswer = z.strictObject({
  lessonId: kebab,
  questionId: kebab,
  /** The response as the learner sent it: a choice index or a short answer. */
  answer: z.union([z.number().int().min(0).max(9), z.string().max(200)]),
  correct: z.boolean(),
  answeredAt: instant,
});

const progressEvent = z.strictObject({
  id: rowId,
  lessonId: kebab,
  kind: z.enum(['complete', 'reopen', 'answer']),
  payload,
  contentVersion: version,
  requestId,
  createdAt: instant,
});

const drillEvent = z.strictObject({
  id: rowId,
  kind: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, 'must be an event kind such as "attempt"').max(40),
  /** The row the write created or changed: an attempt, a mock session or a review card. */
  subjectId: rowId,
  payload,
  requestId,
  createdAt: instant,
});

const drillAttempt = z.strictObject({
  id: rowId,
  questionId: kebab,
  mockSessionId: rowId.nullable(),
  answer: answerText,
  sections: z.record(kebab, answerText).nullable(),
  score: share,
  rawScore: share,
  earned: count,
  possible: count,
  covered: z.array(kebab).max(100),
  /** The breakdown shown on the day, as stored (JSON text); read back leniently, so a bad one only loses its quotes. */
  breakdown: z.string().max(64 * 1024).nullable().default(null),
  rubricVersion: z.string().regex(/^[0-9a-f]{8}$/, 'must be 8 hex digits').nullable().default(null),
  disputes: z.array(z.strictObject({ pointId: kebab, confirmed: z.boolean(), createdAt: instant, confirmedAt: instant.nullable() })).max(100).default([]),
  selfRating: rating.nullable(),
  createdAt: instant,
});

const mockPhaseAnswer = z.strictObject({ phase: z.number().int().min(0).max(MOCK_PHASE_IDS.length - 1), text: answerText, seconds: count, submittedAt: instant });

const mockQuestion = z.strictObject({
  position: z.number().int().min(0).max(MOCK_QUESTIONS.max - 1),
  questionId: kebab,
  followUps: z.array(z.string().max(1_000)).max(20).nullable(),
  answers: z.array(mockPhaseAnswer).max(MOCK_PHASE_IDS.length),
});

const mockSession = z.strictObject({
  id: rowId,
  status: z.enum(['active', 'completed', 'discarded']),
  phaseSeconds: z.array(z.number().int().min(PHASE_SECONDS.min).max(PHASE_SECONDS.max)).length(MOCK_PHASE_IDS.length),
  position: z.number().int().min(0).max(MOCK_QUESTIONS.max - 1),
  phase: z.number().int().min(0).max(MOCK_PHASE_IDS.length - 1),
  phaseStartedAt: instant,
  startedAt: instant,
  endedAt: instant.nullable(),
  questions: z.array(mockQuestion).min(MOCK_QUESTIONS.min).max(MOCK_QUESTIONS.max),
});

const reviewLog = z.strictObject({
  id: rowId,
  rating,
  state: cardState,
  due: instant,
  stability: z.number().min(0),
  difficulty: z.number().min(0),
  elapsedDays: count,
  lastElapsedDays: count,
  scheduledDays: count,
  learningSteps: count,
  reviewedAt: instant,
});

const card = newReviewCardSchema.shape;
const reviewCard = z.strictObject({
  id: rowId,
  sourceKey: card.sourceKey,
  source: card.source,
  front: card.front,
  back: card.back,
  topic: card.topic.unwrap().nullable(),
  href: card.href.unwrap().nullable(),
  due: instant,
  stability: z.number().min(0),
  difficulty: z.number().min(0),
  elapsedDays: count,
  scheduledDays: count,
  learningSteps: count,
  reps: count,
  lapses: count,
  state: cardState,
  lastReview: instant.nullable(),
  createdAt: instant,
  logs: z.array(reviewLog).max(10_000),
});

const submission = z.strictObject({
  id: rowId,
  exerciseId: kebab,
  exerciseVersion: version,
  status: z.enum(VERDICT_STATUSES),
  passed: count,
  total: count,
  code,
  /** The verdict as the site showed it: hidden tests by name and message only. */
  verdict: verdictSchema,
  createdAt: instant,
});

const exerciseDraft = z.strictObject({ exerciseId: kebab, code, updatedAt: instant });

const exportShape = z.strictObject({
  format: z.literal(EXPORT_FORMAT, { error: `format must be "${EXPORT_FORMAT}": this is not a Traffic Cop export` }),
  version: z.literal(EXPORT_VERSION, { error: `version must be ${EXPORT_VERSION}: this site reads version ${EXPORT_VERSION} exports` }),
  exportedAt: instant,
  learner: z.strictObject({ timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as "Europe/Paris"').nullable() }),
  lessonProgress: z.array(lessonProgress),
  quizAnswers: z.array(quizAnswer),
  progressEvents: z.array(progressEvent),
  drillEvents: z.array(drillEvent),
  drillAttempts: z.array(drillAttempt),
  mockSessions: z.array(mockSession),
  reviewCards: z.array(reviewCard),
  submissions: z.array(submission),
  exerciseDrafts: z.array(exerciseDraft),
});

type ExportShape = z.infer<typeof exportShape>;
type Issue = { path: (string | number)[]; message: string };

/** Reports every value after the first that `key` maps to an already-seen value. */
function duplicates<T>(rows: readonly T[], key: (row: T) => string, path: (index: number) => (string | number)[], what: string): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  rows.forEach((row, index) => {
    const value = key(row);
    if (seen.has(value)) issues.push({ path: path(index), message: `duplicate ${what} ${JSON.stringify(value)}` });
    seen.add(value);
  });
  return issues;
}

/** What the rows' own fields cannot say: keys unique per learner, references that resolve, at most one running interview. */
function crossRowIssues(file: ExportShape): Issue[] {
  const at = (list: string, field: string) => (index: number) => [list, index, field];
  const logs = file.reviewCards.flatMap((card, cardIndex) => card.logs.map((log, logIndex) => ({ log, path: ['reviewCards', cardIndex, 'logs', logIndex, 'id'] })));
  const issues: Issue[] = [
    ...duplicates(file.lessonProgress, (row) => row.lessonId, at('lessonProgress', 'lessonId'), 'lessonId'),
    ...duplicates(file.quizAnswers, (row) => `${row.lessonId}/${row.questionId}`, at('quizAnswers', 'questionId'), 'lesson and question'),
    ...duplicates(file.progressEvents, (row) => row.id, at('progressEvents', 'id'), 'id'),
    ...duplicates(file.progressEvents, (row) => row.requestId, at('progressEvents', 'requestId'), 'requestId'),
    ...duplicates(file.drillEvents, (row) => row.id, at('drillEvents', 'id'), 'id'),
    ...duplicates(file.drillEvents, (row) => row.requestId, at('drillEvents', 'requestId'), 'requestId'),
    ...duplicates(file.drillAttempts, (row) => row.id, at('drillAttempts', 'id'), 'id'),
    ...duplicates(file.mockSessions, (row) => row.id, at('mockSessions', 'id'), 'id'),
    ...duplicates(file.reviewCards, (row) => row.id, at('reviewCards', 'id'), 'id'),
    ...duplicates(file.reviewCards, (row) => row.sourceKey, at('reviewCards', 'sourceKey'), 'sourceKey'),
    ...duplicates(logs, (entry) => entry.log.id, (index) => logs[index]!.path, 'review log id'),
    ...duplicates(file.submissions, (row) => row.id, at('submissions', 'id'), 'id'),
    ...duplicates(file.exerciseDrafts, (row) => row.exerciseId, at('exerciseDrafts', 'exerciseId'), 'exerciseId'),
  ];
  const sessionIds = new Set(file.mockSessions.map((session) => session.id));
  file.drillAttempts.forEach((attempt, index) => {
    if (attempt.mockSessionId !== null && !sessionIds.has(attempt.mockSessionId)) {
      issues.push({ path: ['drillAttempts', index, 'mockSessionId'], message: `names no mock session in this file` });
    }
  });
  const active = file.mockSessions.filter((session) => session.status === 'active');
  if (active.length > 1) issues.push({ path: ['mockSessions'], message: `${active.length} mock interviews are active; at most one may be` });
  file.mockSessions.forEach((session, index) => {
    const positions = session.questions.map((question) => question.position).sort((a, b) => a - b);
    if (positions.some((position, order) => position !== order)) issues.push({ path: ['mockSessions', index, 'questions'], message: 'question positions must be 0, 1, 2… once each' });
    if (session.position >= session.questions.length) issues.push({ path: ['mockSessions', index, 'position'], message: 'is past the last question' });
    session.questions.forEach((question, questionIndex) => {
      issues.push(...duplicates(question.answers, (answer) => String(answer.phase), (answerIndex) => ['mockSessions', index, 'questions', questionIndex, 'answers', answerIndex, 'phase'], 'phase'));
    });
  });
  file.submissions.forEach((row, index) => {
    const { verdict } = row;
    if (verdict.status !== row.status || verdict.exerciseId !== row.exerciseId || verdict.counts.passed !== row.passed || verdict.counts.total !== row.total) {
      issues.push({ path: ['submissions', index, 'verdict'], message: 'does not match the submission’s status, exerciseId, passed and total' });
    }
  });
  return issues;
}

/** The export file, version 1: its shape, then the rules between rows. */
export const learnerExportSchema = exportShape.superRefine((file, ctx) => {
  for (const issue of crossRowIssues(file)) ctx.addIssue({ code: 'custom', ...issue });
});

export type LearnerExport = z.infer<typeof learnerExportSchema>;

/** A parsed upload: the file, or why it is not one. */
export function parseExport(value: unknown): { ok: true; file: LearnerExport } | { ok: false; message: string } {
  const parsed = learnerExportSchema.safeParse(value);
  return parsed.success ? { ok: true, file: parsed.data } : { ok: false, message: `Invalid export file: ${describeExportIssues(parsed.error)}` };
}

const ISSUES_SHOWN = 10;

/** A zod error as one readable line, naming the first few problems: a bad file can have thousands. */
export function describeExportIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, ISSUES_SHOWN).map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  const more = error.issues.length - ISSUES_SHOWN;
  return more > 0 ? `${lines.join('; ')}; and ${more} more` : lines.join('; ');
}
