import 'server-only';
import { db } from '../db/db';

/** Sign-in attempts allowed per account in a window, wherever they come from (better-auth limits per address). */
export const SIGN_IN_PER_ACCOUNT = { windowSeconds: 300, max: 10 };

/**
 * Counts one sign-in attempt for `email` and returns 0 when it may go ahead, else the seconds to
 * wait. A fixed window kept in better-auth's own rateLimit table, so every instance shares it; the
 * key is namespaced so it never meets better-auth's per-address keys.
 */
export async function takeSignInAttempt(email: string, now: number = Date.now()): Promise<number> {
  const key = `account:${email.trim().toLowerCase().slice(0, 320)}`;
  const { windowSeconds, max } = SIGN_IN_PER_ACCOUNT;
  const windowMs = windowSeconds * 1000;
  try {
    return await countAttempt(key, now, windowMs, max);
  } catch {
    // Two first attempts raced to create the row (key is unique): the other one counted.
    return 0;
  }
}

function countAttempt(key: string, now: number, windowMs: number, max: number): Promise<number> {
  return db.$transaction(async (tx) => {
    const row = await tx.rateLimit.findFirst({ where: { key } });
    if (!row || now - Number(row.lastRequest) >= windowMs) {
      if (row) await tx.rateLimit.update({ where: { id: row.id }, data: { count: 1, lastRequest: BigInt(now) } });
      else await tx.rateLimit.create({ data: { key, count: 1, lastRequest: BigInt(now) } });
      return 0;
    }
    if (row.count >= max) return Math.ceil((Number(row.lastRequest) + windowMs - now) / 1000);
    await tx.rateLimit.update({ where: { id: row.id }, data: { count: row.count + 1 } });
    return 0;
  });
}
