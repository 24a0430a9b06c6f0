import { NextResponse, type NextRequest } from 'next/server';
import { countsAsAttempt, publicVerdict, submissionRequestSchema, type SubmissionResponse } from '@/lib/exercises/contract';
import { refuseCrossSite } from '@/lib/server/api-guard';
import { readingLearnerId, writingLearner } from '@/lib/server/learner-identity';
import { exerciseJson, exerciseOr404, parseExerciseBody } from '@/lib/server/exercise-route';
import { fetchSubmissions, recordSubmission } from '@/lib/server/exercises';
import { judgeSubmission, takeSubmissionToken } from '@/lib/server/judge';

type Context = { params: Promise<{ id: string }> };

/** The learner's recent submissions to this exercise, newest first. */
export async function GET(request: NextRequest, { params }: Context) {
  const found = await exerciseOr404((await params).id);
  if (!found.ok) return found.response;
  return exerciseJson({ submissions: await fetchSubmissions(await readingLearnerId(request), found.exercise.meta.id) }, request);
}

/** Judges the code on the server (visible and hidden tests), stores the verdict and returns it. */
export async function POST(request: NextRequest, { params }: Context) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const found = await exerciseOr404((await params).id);
  if (!found.ok) return found.response;
  const body = await parseExerciseBody(request, submissionRequestSchema, 'submission');
  if (!body.ok) return body.response;

  const learner = await writingLearner(request);
  const token = takeSubmissionToken(learner.id);
  if (!token.allowed) {
    const seconds = Math.ceil(token.retryAfterMs / 1000);
    return NextResponse.json(
      { error: `Too many submissions; try again in ${seconds} s.`, retryAfterMs: token.retryAfterMs },
      { status: 429, headers: { 'Cache-Control': 'no-store', 'Retry-After': String(seconds) } },
    );
  }

  const exerciseId = found.exercise.meta.id;
  const verdict = await judgeSubmission(exerciseId, body.value.code);
  if (!countsAsAttempt(verdict.status)) return exerciseJson({ verdict: publicVerdict(verdict), submission: null, solution: 'locked' }, request);
  const stored = await recordSubmission(learner, exerciseId, body.value.code, verdict);
  const answer: SubmissionResponse = { verdict: publicVerdict(verdict), ...stored };
  return exerciseJson(answer, request, learner);
}
