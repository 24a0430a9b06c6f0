import { NextRequest, type NextResponse } from 'next/server';

export const ORIGIN = 'http://localhost:3000';
let counter = 0;

/** A fresh requestId, as the browser sends one per write. */
export const newRequestId = () => `drill-test-${++counter}-${Date.now()}`;

export interface CallOptions {
  cookie?: string;
  headers?: Record<string, string>;
  /** Sent as the body instead of JSON.stringify(body). */
  raw?: string;
}

/** A request as the browser would send it to a drill API. */
export function drillRequest(method: 'GET' | 'POST', path: string, body?: unknown, options: CallOptions = {}): NextRequest {
  const headers = new Headers({ origin: ORIGIN, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...options.headers });
  if (options.cookie) headers.set('cookie', `tc_learner=${options.cookie}`);
  return new NextRequest(`${ORIGIN}${path}`, { method, headers, body: method === 'POST' ? (options.raw ?? JSON.stringify(body)) : undefined });
}

/** The route's dynamic params, as Next passes them. */
export const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

/** The learner id a response's Set-Cookie names. */
export function learnerCookie(response: Response): string {
  const match = /tc_learner=([a-f0-9]{32})/.exec(response.headers.get('set-cookie') ?? '');
  if (!match) throw new Error('no learner cookie set');
  return match[1]!;
}

export async function json<T = Record<string, unknown>>(response: NextResponse | Response): Promise<T> {
  return (await response.json()) as T;
}
