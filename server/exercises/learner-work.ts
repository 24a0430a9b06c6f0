import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Submission } from '@prisma/client';
import {
  cardsForFailedTests,
  exerciseStatus,
  HISTORY_LIMIT,
  publicVerdict,
  type ExerciseListItem,
  type SubmissionView,
} from '@/lib/exercises/contract';
import { solutionAccess, type SolutionAccess } from '@/lib/exercises/solution-access';
import type { ExerciseMeta } from '@/lib/grading/exercise-schema';
import type { Verdict, VerdictStatus } from '@/lib/grading/verdict';
import { db } from '../db/db';
import { getExercise, getExerciseSolution, listExercises } from './judge';
import type { WritingLearner } from '../learners/identity';
import { applyLearnerWrite, requestIdReused, type PreviousEvent } from '../learners/writes';
import { getCourse } from '../content/lessons';
import { addReviewCards } from '../learners/review-cards';


/** Every exercise with the learner's status and the lesson it practises, in content order. */
export async function fetchExerciseList(learnerId: string | undefined): Promise<ExerciseListItem[]> {
  const [exercises, course, submissions, drafts] = await Promise.all([
    listExercises(),
    getCourse(),
    learnerId ? db.submission.findMany({ where: { learnerId }, select: { exerciseId: true, status: true } }) : [],
    learnerId ? db.exerciseDraft.findMany({ where: { learnerId }, select: { exerciseId: true } }) : [],
  ]);
  const drafted = new Set(drafts.map((draft) => draft.exerciseId));
  return exercises.map(({ meta }) => {
    const lesson = course.lessonsById.get(meta.lesson);
    const statuses = submissions.filter((row) => row.exerciseId === meta.id).map((row) => row.status);
    return { meta, status: exerciseStatus(statuses, drafted.has(meta.id)), lesson: lesson ? { slug: lesson.slug, title: lesson.title } : null };
  });
}

/** The exercises that practise a lesson, for its "Practise this" list. */
export async function fetchExercisesForLesson(lessonId: string): Promise<ExerciseMeta[]> {
  return (await listExercises()).filter(({ meta }) => meta.lesson === lessonId).map(({ meta }) => meta);
}

function submissionView(row: Submission): SubmissionView {
  const verdict = JSON.parse(row.verdict) as Verdict;
  return { id: row.id, status: row.status as VerdictStatus, summary: verdict.summary, passed: row.passed, total: row.total, createdAt: row.createdAt.toISOString() };
}

/** What the exercise page needs from the database: the draft, the history and whether the solution is available. */
export interface ExerciseWork {
  draft: { code: string; updatedAt: string } | null;
  history: SubmissionView[];
  solution: SolutionAccess;
}

export async function fetchExerciseWork(learnerId: string | undefined, exerciseId: string): Promise<ExerciseWork> {
  if (!learnerId) return { draft: null, history: [], solution: 'locked' };
  const [draft, rows, statuses] = await Promise.all([
    db.exerciseDraft.findUnique({ where: { learnerId_exerciseId: { learnerId, exerciseId } } }),
    db.submission.findMany({ where: { learnerId, exerciseId }, orderBy: { createdAt: 'desc' }, take: HISTORY_LIMIT }),
    submissionStatuses(learnerId, exerciseId),
  ]);
  return { draft: draft && { code: draft.code, updatedAt: draft.updatedAt.toISOString() }, history: rows.map(submissionView), solution: solutionAccess(statuses) };
}

async function submissionStatuses(learnerId: string, exerciseId: string): Promise<string[]> {
  return (await db.submission.findMany({ where: { learnerId, exerciseId }, select: { status: true } })).map((row) => row.status);
}

/** The reference solution, when the learner's own submissions have unlocked it. */
export async function fetchEarnedSolution(learnerId: string | undefined, exerciseId: string): Promise<string | undefined> {
  if (!learnerId) return undefined;
  if (solutionAccess(await submissionStatuses(learnerId, exerciseId)) === 'locked') return undefined;
  return getExerciseSolution(exerciseId);
}

/**
 * Stores a judged submission and, for a rejected one, adds a review card per failed test, in one
 * write (applyLearnerWrite). Returns the history row and the solution access that follows; a
 * requestId already stored answers the submission it stored.
 */
export async function recordSubmission(
  learner: WritingLearner,
  exerciseId: string,
  code: string,
  verdict: Verdict,
  requestId: string = randomUUID(),
): Promise<{ submission: SubmissionView; solution: SolutionAccess }> {
  const exercise = await getExercise(exerciseId);
  if (!exercise) throw new Error(`recordSubmission: no exercise ${exerciseId}`);
  const id = randomUUID();
  const event = { log: 'activity' as const, kind: 'submission', subjectId: id, payload: { exerciseId, status: verdict.status }, requestId };
  const result = await applyLearnerWrite(learner, event, async (tx) => {
    const created = await tx.submission.create({
      data: {
        id,
        learnerId: learner.id,
        exerciseId,
        exerciseVersion: exercise.version,
        status: verdict.status,
        passed: verdict.counts.passed,
        total: verdict.counts.total,
        code,
        verdict: JSON.stringify(publicVerdict(verdict)),
      },
    });
    const cards = cardsForFailedTests(exercise.meta, verdict);
    if (cards.length) await addReviewCards(learner.id, cards, { tx });
    return created;
  });
  const row = result.duplicate ? await storedSubmission(learner.id, result.previous) : result.value;
  return { submission: submissionView(row), solution: solutionAccess(await submissionStatuses(learner.id, exerciseId)) };
}

async function storedSubmission(learnerId: string, previous: PreviousEvent): Promise<Submission> {
  const row = previous.kind === 'submission' ? await db.submission.findFirst({ where: { id: previous.subjectId, learnerId } }) : null;
  if (!row) throw requestIdReused();
  return row;
}

/** Saves the learner's draft (the latest write wins; a requestId already saved changes nothing). Answers when the draft was saved. */
export async function saveDraft(learner: WritingLearner, exerciseId: string, code: string, requestId: string = randomUUID()): Promise<Date> {
  const key = { learnerId_exerciseId: { learnerId: learner.id, exerciseId } };
  const event = { log: 'activity' as const, kind: 'draft', subjectId: exerciseId, payload: { exerciseId }, requestId };
  const result = await applyLearnerWrite(learner, event, async (tx) => {
    const draft = await tx.exerciseDraft.upsert({ where: key, create: { learnerId: learner.id, exerciseId, code }, update: { code } });
    return draft.updatedAt;
  });
  if (!result.duplicate) return result.value;
  if (result.previous.kind !== 'draft' || result.previous.subjectId !== exerciseId) throw requestIdReused();
  return (await db.exerciseDraft.findUniqueOrThrow({ where: key })).updatedAt;
}

/** The learner's draft, or null. */
export async function fetchDraft(learnerId: string | undefined, exerciseId: string): Promise<{ code: string; updatedAt: string } | null> {
  if (!learnerId) return null;
  const draft = await db.exerciseDraft.findUnique({ where: { learnerId_exerciseId: { learnerId, exerciseId } } });
  return draft && { code: draft.code, updatedAt: draft.updatedAt.toISOString() };
}

/** The learner's recent submissions to one exercise, newest first. */
export async function fetchSubmissions(learnerId: string | undefined, exerciseId: string): Promise<SubmissionView[]> {
  if (!learnerId) return [];
  const rows = await db.submission.findMany({ where: { learnerId, exerciseId }, orderBy: { createdAt: 'desc' }, take: HISTORY_LIMIT });
  return rows.map(submissionView);
}
