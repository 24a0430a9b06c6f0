import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { MAX_EXERCISE_BODY_BYTES, TOO_LARGE } from '@/lib/exercises/contract';
import { describeIssues } from '@/lib/progress/contract';
import { jsonError, readJsonBody } from '../http/api-guard';
import { getExercise, type PublicExercise } from './judge';
import type { WritingLearner } from '../learners/identity';
import { setLearnerCookie } from '../learners/cookie';

/** Route-handler plumbing shared by the exercise APIs, so each handler reads as: find, parse, act, respond. */

/** The exercise a route's `[id]` names, or a 404 answer. */
export async function exerciseOr404(id: string): Promise<{ ok: true; exercise: PublicExercise } | { ok: false; response: NextResponse }> {
  const exercise = await getExercise(id);
  return exercise ? { ok: true, exercise } : { ok: false, response: jsonError(404, `There is no exercise "${id.slice(0, 80)}".`) };
}

/** Reads, size-caps and validates a JSON body; code over the submission limit answers 413. */
export async function parseExerciseBody<S extends z.ZodType>(request: NextRequest, schema: S, what: string): Promise<{ ok: true; value: z.infer<S> } | { ok: false; response: NextResponse }> {
  const body = await readJsonBody(request, MAX_EXERCISE_BODY_BYTES);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const tooLarge = parsed.error.issues.some((issue) => issue.path[0] === 'code' && issue.code === 'custom' && issue.params?.reason === TOO_LARGE);
  return { ok: false, response: jsonError(tooLarge ? 413 : 400, `Invalid ${what}: ${describeIssues(parsed.error)}`) };
}

/** A JSON answer that is never cached; sets the learner cookie when the write created the learner. */
export function exerciseJson(body: unknown, request: NextRequest, learner?: WritingLearner, init: { status?: number } = {}): NextResponse {
  const response = NextResponse.json(body, { status: init.status ?? 200, headers: { 'Cache-Control': 'no-store' } });
  if (learner?.isNew) setLearnerCookie(response, request, learner.id);
  return response;
}
