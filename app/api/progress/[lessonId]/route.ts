import { NextResponse, type NextRequest } from 'next/server';
import { jsonError, readJsonBody, refuseCrossSite } from '@/server/http/api-guard';
import { setLearnerCookie } from '@/server/learners/cookie';
import { writingLearner } from '@/server/learners/identity';
import { getCourse } from '@/server/content/lessons';
import { fitsLesson, recordProgress } from '@/server/learners/progress';
import { describeIssues, MAX_PROGRESS_BODY_BYTES, progressRequestSchema } from '@/lib/progress/contract';

export async function POST(request: NextRequest, { params }: { params: Promise<{ lessonId: string }> }) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const body = await readJsonBody(request, MAX_PROGRESS_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = progressRequestSchema.safeParse(body.value);
  if (!parsed.success) return jsonError(400, `Invalid progress request: ${describeIssues(parsed.error)}`);

  const { lessonId } = await params;
  const lesson = (await getCourse()).lessonsById.get(lessonId);
  if (!lesson) return jsonError(404, `There is no lesson "${lessonId.slice(0, 80)}".`);

  if (!fitsLesson(lesson, parsed.data)) return jsonError(400, `Lesson "${lesson.id}" has no quiz question with that id.`);

  const learner = await writingLearner(request);
  const result = await recordProgress(learner, lesson, parsed.data);
  const response = NextResponse.json({ lesson: result.lesson, correct: result.correct }, { headers: { 'Cache-Control': 'no-store' } });
  if (learner.isNew) setLearnerCookie(response, request, learner.id);
  return response;
}
