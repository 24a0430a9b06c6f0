import type { NextRequest } from 'next/server';
import { refuseCrossSite } from '@/server/http/api-guard';
import { getAuth } from '@/server/auth/auth';

// better-auth's endpoints (sign-up, sign-in, sign-out, change-password, delete-user, get-session…).
// The instance is made on the first request, never while the site builds.
export function GET(request: NextRequest) {
  return getAuth().handler(request);
}

// better-auth checks Origin only on requests that carry cookies; a cross-site sign-in (login CSRF)
// has none, so every write goes through the site's own cross-site guard first.
export function POST(request: NextRequest) {
  return refuseCrossSite(request) ?? getAuth().handler(request);
}
