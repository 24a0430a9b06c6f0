import 'server-only';
import { randomBytes } from 'node:crypto';
import type { NextRequest, NextResponse } from 'next/server';

export const LEARNER_COOKIE = 'tc_learner';
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;
const LEARNER_ID = /^[a-f0-9]{32}$/;

/** The learner id the request's cookie names, if it is well-formed. Existence is checked by the caller. */
export function learnerIdFrom(cookieValue: string | undefined): string | undefined {
  return cookieValue && LEARNER_ID.test(cookieValue) ? cookieValue : undefined;
}

/** 128 random bits: unguessable, so the id alone is the anonymous learner's credential. */
export function newLearnerId(): string {
  return randomBytes(16).toString('hex');
}

export function setLearnerCookie(response: NextResponse, request: NextRequest, learnerId: string): void {
  response.cookies.set(LEARNER_COOKIE, learnerId, cookieOptions(request, ONE_YEAR_SECONDS));
}

/** Makes the browser forget its learner cookie: the learner it named is gone. */
export function clearLearnerCookie(response: NextResponse, request: NextRequest): void {
  response.cookies.set(LEARNER_COOKIE, '', cookieOptions(request, 0));
}

function cookieOptions(request: NextRequest, maxAge: number) {
  return { httpOnly: true, sameSite: 'lax', secure: request.nextUrl.protocol === 'https:', path: '/', maxAge } as const;
}
