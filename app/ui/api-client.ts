import type { GuestSummary } from '@/lib/account/guest-merge';
import type { RowTable } from '@/lib/account/learner-rows';
import type { MockSessionView } from '@/lib/drills/view';
import type { SubmissionResponse } from '@/lib/exercises/contract';
import type { ProgressRequest } from '@/lib/progress/contract';
import type { NextStepView } from '@/lib/progress/readiness';
import type { LessonProgressView, ProgressSnapshot } from '@/lib/progress/view';

/*
 * The browser side of the site's API: every page and island calls it through this module, with the
 * request and answer types of the contracts in lib/. Type-only imports, no React: the static lesson
 * islands bundle it too.
 */

/** An API answer: the value, or the message a learner can read (status 0: the server was not reached). */
export type ApiResult<T> = { ok: true; status: number; value: T } | { ok: false; status: number; error: string; details: Record<string, unknown> };

const UNREACHABLE = 'Could not reach the server. Check your connection and try again.';

async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, init: { json?: unknown; text?: string; keepalive?: boolean } = {}): Promise<ApiResult<T>> {
  const body = init.text ?? (init.json === undefined ? undefined : JSON.stringify(init.json));
  try {
    const response = await fetch(path, {
      method,
      ...(method === 'GET' ? { cache: 'no-store' as const } : {}),
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body }),
      ...(init.keepalive ? { keepalive: true } : {}),
    });
    const result = response.status === 204 ? null : ((await response.json().catch(() => null)) as unknown);
    if (response.ok) return { ok: true, status: response.status, value: result as T };
    const details = (typeof result === 'object' && result !== null ? result : {}) as Record<string, unknown>;
    return { ok: false, status: response.status, error: typeof details.error === 'string' ? details.error : `The server answered ${response.status}.`, details };
  } catch {
    return { ok: false, status: 0, error: UNREACHABLE, details: {} };
  }
}

const exercisePath = (exerciseId: string, leaf: string) => `/api/exercises/${encodeURIComponent(exerciseId)}/${leaf}`;

export const api = {
  progress: () => call<ProgressSnapshot>('GET', '/api/progress'),
  /** A retry must reuse the request's requestId, so a write that landed but whose answer was lost is not applied twice. */
  saveProgress: (lessonId: string, request: ProgressRequest) =>
    call<{ lesson: LessonProgressView; correct?: boolean }>('POST', `/api/progress/${encodeURIComponent(lessonId)}`, { json: request }),
  readiness: () => call<NextStepView>('GET', '/api/readiness'),
  solution: (exerciseId: string) => call<{ solution: string }>('GET', exercisePath(exerciseId, 'solution')),
  saveDraft: (exerciseId: string, code: string) =>
    call<{ savedAt: string }>('PUT', exercisePath(exerciseId, 'draft'), { json: { code, requestId: crypto.randomUUID() }, keepalive: code.length < 60_000 }),
  submit: (exerciseId: string, code: string) =>
    call<SubmissionResponse | Pick<SubmissionResponse, 'verdict'> & { submission: null; solution: 'locked' }>('POST', exercisePath(exerciseId, 'submissions'), { json: { code, requestId: crypto.randomUUID() } }),
  /** The export file as the learner chose it; the server validates it. */
  importData: (fileText: string) => call<{ imported: Record<RowTable, number> }>('POST', '/api/account/import', { text: fileText }),
  deleteData: () => call<null>('DELETE', '/api/account/data'),
  mergeGuest: () => call<{ moved: GuestSummary }>('POST', '/api/account/guest'),
  discardGuest: () => call<null>('DELETE', '/api/account/guest'),
  mockSession: (sessionId: string) => call<MockSessionView>('GET', `/api/drills/mock/${encodeURIComponent(sessionId)}`),
};

export class DrillApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The rest of the error body, such as the current state after a 409. */
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }
}

// Writes go in order: the first creates the learner's cookie that later ones must carry.
let writeQueue: Promise<unknown> = Promise.resolve();

function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

async function send<T>(path: string, body: Record<string, unknown>): Promise<T> {
  const json = { ...body, requestId: crypto.randomUUID() };
  let lastError = new DrillApiError(UNREACHABLE, 0, {});
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const result = await call<T>('POST', path, { json });
    if (result.ok) return result.value;
    lastError = new DrillApiError(result.error, result.status, result.details);
    if (result.status >= 400 && result.status < 500) break;
    await new Promise((resolve) => setTimeout(resolve, 300 * 2 ** attempt));
  }
  throw lastError;
}

/** POSTs a drill write with a fresh requestId and the browser's time zone; rejects with a DrillApiError a learner can read. */
export function postDrill<T>(path: string, body: Record<string, unknown>, options: { timeZone?: boolean } = {}): Promise<T> {
  const withZone = options.timeZone === false ? body : { ...body, timeZone: browserTimeZone() };
  const result = writeQueue.then(() => send<T>(path, withZone));
  writeQueue = result.catch(() => undefined);
  return result;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}
