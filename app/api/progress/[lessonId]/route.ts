import { MAX_PROGRESS_BODY_BYTES, progressRequestSchema } from '@/lib/progress/contract';
import { ApiError } from '@/server/http/api-error';
import { handle } from '@/server/http/route-kit';
import { getCourse } from '@/server/content/lessons';
import { fitsLesson, recordProgress } from '@/server/learners/progress';

const body = { schema: progressRequestSchema, what: 'progress request', maxBytes: MAX_PROGRESS_BODY_BYTES };

/** Records a lesson step or a quiz answer; answers the lesson's progress and whether the answer was right. */
export const POST = handle({ params: ['lessonId'], body, learner: 'write' }, async ({ params: { lessonId }, body, learner }) => {
  const lesson = (await getCourse()).lessonsById.get(lessonId);
  if (!lesson) throw new ApiError(404, `There is no lesson "${lessonId.slice(0, 80)}".`);
  if (!fitsLesson(lesson, body)) throw new ApiError(400, `Lesson "${lesson.id}" has no quiz question with that id.`);
  const result = await recordProgress(learner, lesson, body);
  return { lesson: result.lesson, correct: result.correct };
});
