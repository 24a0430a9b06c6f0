import { NextResponse, type NextRequest } from 'next/server';
import { countsAsAttempt, publicVerdict, submissionRequestSchema, type SubmissionResponse } from '@/lib/exercises/contract';
import { refuseCrossSite } from '@/server/http/api-guard';
import { clientAddress } from '@/server/http/client-address';
import { readingLearnerId, writingLearnerFor } from '@/server/learners/identity';
import { exerciseJson, exerciseOr404, parseExerciseBody } from '@/server/exercises/route-helpers';
import { fetchSubmissions, recordSubmission } from '@/server/exercises/learner-work';
import { handleDrillErrors } from '@/server/drills/route-helpers';
import { admitSubmission, judgeSubmission } from '@/server/exercises/judge';

type Context = { params: Promise<{ id: string }> };

/** The learner's recent submissions to this exercise, newest first. */
export async function GET(request: NextRequest, { params }: Context) {
  const found = await exerciseOr404((await params).id);
  if (!found.ok) return found.response;
  return exerciseJson({ submissions: await fetchSubmissions(await readingLearnerId(request), found.exercise.meta.id) }, request);
}

function tooMany(message: string, retryAfterMs: number): NextResponse {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return NextResponse.json({ error: message, retryAfterMs }, { status: 429, headers: { 'Cache-Control': 'no-store', 'Retry-After': String(seconds) } });
}

/**
 * Judges the code on the server (visible and hidden tests), stores the verdict and returns it. A
 * refused submission (rate limits, too many jobs waiting) creates no learner and stores nothing.
 */
export async function POST(request: NextRequest, { params }: Context) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const found = await exerciseOr404((await params).id);
  if (!found.ok) return found.response;
  const body = await parseExerciseBody(request, submissionRequestSchema, 'submission');
  if (!body.ok) return body.response;

  const submitter = { learnerId: await readingLearnerId(request), address: clientAddress(request.headers) };
  const admitted = await admitSubmission(submitter);
  if (!admitted.allowed) return tooMany(`Too many submissions; try again in ${Math.ceil(admitted.retryAfterMs / 1000)} s.`, admitted.retryAfterMs);

  const exerciseId = found.exercise.meta.id;
  const verdict = await judgeSubmission(exerciseId, body.value.code, submitter);
  if (verdict.status === 'rate-limited') return tooMany(verdict.summary, verdict.retryAfterMs ?? 1000);
  if (!countsAsAttempt(verdict.status)) return exerciseJson({ verdict: publicVerdict(verdict), submission: null, solution: 'locked' }, request);
  const learner = writingLearnerFor(submitter.learnerId);
  return handleDrillErrors(async () => {
    const stored = await recordSubmission(learner, exerciseId, body.value.code, verdict, body.value.requestId);
    const answer: SubmissionResponse = { verdict: publicVerdict(verdict), ...stored };
    return exerciseJson(answer, request, learner);
  });
}
