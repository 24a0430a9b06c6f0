/** What better-auth answered, reduced to what a form shows. */
export type AuthResult = { ok: true; body: unknown } | { ok: false; message: string };

const MESSAGES: Record<number, string> = {
  401: 'That email and password do not match an account.',
  429: 'Too many attempts. Wait a minute and try again.',
};

/** POSTs JSON to /api/auth/<path> and turns any failure into a sentence for the learner. */
export async function postAuth(path: string, body: object): Promise<AuthResult> {
  try {
    const response = await fetch(`/api/auth${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
    const parsed = (await response.json().catch(() => null)) as { message?: unknown } | null;
    if (response.ok) return { ok: true, body: parsed };
    const message = typeof parsed?.message === 'string' && parsed.message ? parsed.message : MESSAGES[response.status];
    return { ok: false, message: message ?? `The server answered ${response.status}. Try again.` };
  } catch {
    return { ok: false, message: 'Could not reach the server. Check your connection and try again.' };
  }
}
