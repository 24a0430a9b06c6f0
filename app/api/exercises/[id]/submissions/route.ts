import { countsAsAttempt, MAX_EXERCISE_BODY_BYTES, publicVerdict, submissionRequestSchema, type SubmissionResponse } from '@/lib/exercises/contract';
import { ApiError } from '@/server/http/api-error';
import { clientAddress } from '@/server/http/client-address';
import { handle } from '@/server/http/route-kit';
import { requireExercise } from '@/server/exercises/require-exercise';
import { fetchSubmissions, recordSubmission } from '@/server/exercises/learner-work';
import { admitSubmission, judgeSubmission } from '@/server/exercises/judge';

/** The learner's recent submissions to this exercise, newest first. */
export const GET = handle({ params: ['id'], learner: 'read' }, async ({ params, learnerId }) => {
  const exercise = await requireExercise(params.id);
  return { submissions: await fetchSubmissions(learnerId, exercise.meta.id) };
});

function tooMany(message: string, retryAfterMs: number): ApiError {
  return new ApiError(429, message, { retryAfterMs }, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) });
}

/**
 * Judges the code on the server (visible and hidden tests), stores the verdict and returns it. A
 * refused submission (rate limits, too many jobs waiting) creates no learner and stores nothing.
 */
const body = { schema: submissionRequestSchema, what: 'submission', maxBytes: MAX_EXERCISE_BODY_BYTES };

export const POST = handle({ params: ['id'], body, learner: 'read' }, async ({ request, params, body: { code, requestId }, learnerId, writer }) => {
  const exercise = await requireExercise(params.id);
  const submitter = { learnerId, address: clientAddress(request.headers) };
  const admitted = await admitSubmission(submitter);
  if (!admitted.allowed) throw tooMany(`Too many submissions; try again in ${Math.ceil(admitted.retryAfterMs / 1000)} s.`, admitted.retryAfterMs);

  const verdict = await judgeSubmission(exercise.meta.id, code, submitter);
  if (verdict.status === 'rate-limited') throw tooMany(verdict.summary, verdict.retryAfterMs ?? 1000);
  if (!countsAsAttempt(verdict.status)) return { verdict: publicVerdict(verdict), submission: null, solution: 'locked' };
  const stored = await recordSubmission(writer(), exercise.meta.id, code, verdict, requestId);
  return { verdict: publicVerdict(verdict), ...stored } satisfies SubmissionResponse;
});
