import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { TOO_LARGE } from '@/lib/exercises/contract';
import { describeIssues } from '@/lib/progress/contract';
import { setLearnerCookie } from '../learners/cookie';
import { readingLearnerId, writingLearnerFor, type WritingLearner } from '../learners/identity';
import { ApiError } from './api-error';
import { readJsonBody, refuseCrossSite } from './api-guard';

/** A JSON body: validated by a contract schema (`what` names it in the 400), or by a parser that throws ApiError. */
type BodySpec<T> = { maxBytes: number } & ({ schema: z.ZodType<T>; what: string } | { parse: (value: unknown) => T });

type LearnerSpec = 'read' | 'write' | undefined;

interface RouteSpec<K extends string, T, L extends LearnerSpec> {
  /** The dynamic segments the route's path names, such as ['id'] for `exercises/[id]`. */
  params?: readonly K[];
  body?: BodySpec<T>;
  /** 'read': the request's learner id, if any (never creates one). 'write': the learner the write is for, new if none. */
  learner?: L;
}

export interface RouteContext<K extends string, T, L extends LearnerSpec> {
  request: NextRequest;
  params: Record<K, string>;
  body: T;
  learnerId: L extends 'read' | 'write' ? string | undefined : never;
  learner: L extends 'write' ? WritingLearner : never;
  /** Turns a read learner into the writer once a write is sure to happen (a refused request makes no learner). */
  writer(timeZone?: string): WritingLearner;
}

/**
 * Every API route: refuses cross-site writes, reads and validates the body, resolves the learner,
 * runs `fn`, and answers its value as uncached JSON (a NextResponse passes through). An ApiError
 * becomes `{ error, ...details }` with its status; a learner the request created gets its cookie.
 */
export function handle<K extends string = never, T = undefined, L extends LearnerSpec = undefined>(
  spec: RouteSpec<K, T, L>,
  fn: (context: RouteContext<K, T, L>) => Promise<unknown>,
): (request: NextRequest, context?: { params: Promise<Record<K, string>> }) => Promise<NextResponse> {
  return async (request, context) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const refused = refuseCrossSite(request);
      if (refused) return refused;
    }
    let created: WritingLearner | undefined;
    try {
      let body = undefined as T;
      if (spec.body) {
        const read = await readJsonBody(request, spec.body.maxBytes);
        if (!read.ok) return read.response;
        body = validate(spec.body, read.value);
      }
      const learnerId = spec.learner ? await readingLearnerId(request) : undefined;
      const writer = (timeZone?: string) => (created = writingLearnerFor(learnerId, timeZone));
      const learner = spec.learner === 'write' ? writer(timeZoneOf(body)) : undefined;
      const params = (await context?.params) ?? ({} as Record<K, string>);
      const value = await fn({ request, params, body, learnerId, learner, writer } as RouteContext<K, T, L>);
      const response = value instanceof NextResponse ? value : NextResponse.json(value, { headers: { 'Cache-Control': 'no-store' } });
      if (created?.isNew) setLearnerCookie(response, request, created.id);
      return response;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return NextResponse.json({ error: error.message, ...error.details }, { status: error.status, headers: { 'Cache-Control': 'no-store', ...error.headers } });
    }
  };
}

function validate<T>(spec: BodySpec<T>, value: unknown): T {
  if ('parse' in spec) return spec.parse(value);
  const parsed = spec.schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // Code over the submission limit is "too large" (413), not malformed.
  const tooLarge = parsed.error.issues.some((issue) => issue.code === 'custom' && issue.params?.reason === TOO_LARGE);
  throw new ApiError(tooLarge ? 413 : 400, `Invalid ${spec.what}: ${describeIssues(parsed.error)}`);
}

function timeZoneOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('timeZone' in body)) return undefined;
  return typeof body.timeZone === 'string' ? body.timeZone : undefined;
}
