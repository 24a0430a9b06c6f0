import 'server-only';
import { db } from '../db/db';
import type { WritingLearner } from './identity';
import { applyLearnerWrite } from './writes';
import type { LessonEntry as Lesson } from '../content/lessons';
import { addReviewCards } from './review-cards';
import type { QuizQuestion } from '@/lib/content/lesson-schema';
import { isCorrect } from '@/lib/content/quiz';
import { quizCard } from '@/lib/drills/review-cards';
import { emptyLessonProgress, type LessonProgressView, type ProgressRequest, type ProgressSnapshot } from '@/lib/progress/contract';

/** Everything a learner has done (or, given a lesson id, that lesson only); an unknown learner has done nothing. */
export async function fetchProgress(learnerId: string | undefined, lessonId?: string): Promise<ProgressSnapshot> {
  if (!learnerId) return { lessons: {} };
  const where = lessonId ? { learnerId, lessonId } : { learnerId };
  const [rows, answers] = await Promise.all([db.lessonProgress.findMany({ where }), db.quizAnswer.findMany({ where })]);
  const lessons: Record<string, LessonProgressView> = {};
  const lessonFor = (id: string) => (lessons[id] ??= emptyLessonProgress());
  for (const row of rows) {
    lessonFor(row.lessonId).completed = row.completedAt !== null;
    lessonFor(row.lessonId).completedAt = row.completedAt?.toISOString() ?? null;
  }
  for (const answer of answers) lessonFor(answer.lessonId).answers[answer.questionId] = { correct: answer.correct };
  return { lessons };
}

export interface RecordResult {
  lesson: LessonProgressView;
  correct?: boolean;
}

/** Whether the request refers only to things the lesson has (its quiz questions). */
export function fitsLesson(lesson: Lesson, request: ProgressRequest): boolean {
  return request.action !== 'answer' || lesson.frontmatter.quiz.some((question) => question.id === request.questionId);
}

/**
 * Applies one progress request (applyLearnerWrite: the event plus the derived rows, in one
 * transaction) and answers the lesson's state after it.
 */
export async function recordProgress(learner: WritingLearner, lesson: Lesson, request: ProgressRequest): Promise<RecordResult> {
  const learnerId = learner.id;
  let correct: boolean | undefined;
  let question: QuizQuestion | undefined;
  if (request.action === 'answer') {
    question = lesson.frontmatter.quiz.find((candidate) => candidate.id === request.questionId);
    if (!question) throw new Error(`recordProgress: ${lesson.id} has no question ${request.questionId}; check fitsLesson first`);
    correct = isCorrect(question, request.response);
  }
  const event = {
    log: 'progress' as const,
    kind: request.action,
    lessonId: lesson.id,
    contentVersion: lesson.contentVersion,
    payload: request.action === 'answer' ? { questionId: request.questionId, response: request.response, correct } : {},
    requestId: request.requestId,
  };
  // A requestId already applied changes nothing: the answer is the current state.
  await applyLearnerWrite(learner, event, async (tx) => {
    const key = { learnerId_lessonId: { learnerId, lessonId: lesson.id } };
    if (request.action === 'complete' || request.action === 'reopen') {
      const completedAt = request.action === 'complete' ? new Date() : null;
      await tx.lessonProgress.upsert({ where: key, create: { learnerId, lessonId: lesson.id, completedAt }, update: { completedAt } });
    } else {
      const answer = { answer: JSON.stringify(request.response), correct: correct!, answeredAt: new Date() };
      await tx.quizAnswer.upsert({
        where: { learnerId_lessonId_questionId: { learnerId, lessonId: lesson.id, questionId: request.questionId } },
        create: { learnerId, lessonId: lesson.id, questionId: request.questionId, ...answer },
        update: answer,
      });
      // A wrong answer puts the question in the learner's review deck (or brings its card back).
      if (question && !correct) await addReviewCards(learnerId, [quizCard(lesson, question)], { tx });
    }
  });
  const snapshot = await fetchProgress(learnerId, lesson.id);
  return { lesson: snapshot.lessons[lesson.id] ?? emptyLessonProgress(), correct };
}
