import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { describeIssues } from '@/lib/progress/contract';
import { MAX_DRILL_BODY_BYTES } from '@/lib/drills/contract';
import { jsonError, readJsonBody } from '../http/api-guard';
import { DrillRequestError } from './errors';
import type { WritingLearner } from '../learners/identity';
import { setLearnerCookie } from '../learners/cookie';

/** Route-handler plumbing shared by every drill API, so each handler reads as: parse, act, respond. */

/** Reads, size-caps and validates a JSON body against a contract schema. */
export async function parseDrillBody<S extends z.ZodType>(request: NextRequest, schema: S, what: string): Promise<{ ok: true; value: z.infer<S> } | { ok: false; response: NextResponse }> {
  const body = await readJsonBody(request, MAX_DRILL_BODY_BYTES);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) return { ok: false, response: jsonError(400, `Invalid ${what}: ${describeIssues(parsed.error)}`) };
  return { ok: true, value: parsed.data };
}

/** A JSON answer that is never cached; sets the learner cookie when the write created the learner. */
export function drillJson(body: unknown, request: NextRequest, learner?: WritingLearner): NextResponse {
  const response = NextResponse.json(body, { headers: { 'Cache-Control': 'no-store' } });
  if (learner?.isNew) setLearnerCookie(response, request, learner.id);
  return response;
}

/** Runs a handler body, turning a refused request into its status and message. */
export async function handleDrillErrors(run: () => Promise<NextResponse>): Promise<NextResponse> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DrillRequestError)) throw error;
    return NextResponse.json({ error: error.message, ...error.details }, { status: error.status, headers: { 'Cache-Control': 'no-store' } });
  }
}
