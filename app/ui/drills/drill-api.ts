/** The browser side of the drill APIs: one requestId per write (reused by its retries), writes one at a time. */

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
  const payload = JSON.stringify({ ...body, requestId: crypto.randomUUID() });
  let lastError: Error = new DrillApiError('Could not reach the server. Check your connection and try again.', 0, {});
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: payload });
      const result = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      if (response.ok) return result as T;
      lastError = new DrillApiError(typeof result.error === 'string' ? result.error : `The server answered ${response.status}.`, response.status, result);
      if (response.status < 500) break;
    } catch {
      lastError = new DrillApiError('Could not reach the server. Check your connection and try again.', 0, {});
    }
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
