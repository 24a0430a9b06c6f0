import { Semaphore } from 'async-mutex';
import { hashPassword, verifyPassword } from 'better-auth/crypto';

/*
 * better-auth's scrypt runs on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says
 * otherwise) and holds a thread for 0.25–0.9 s on this project's machine. The same pool signs and
 * checks every session cookie (WebCrypto HMAC), so 12 sign-ups at once held a signed-in learner's
 * save for up to 0.98 s (scripts/bench/sign-up-crowd.ts). Two hashes at a time leave the other
 * threads for everyone else (worst save 221 ms); the sign-ups queue instead, which is where the
 * wait belongs.
 */
export const CONCURRENT_PASSWORD_HASHES = 2;

/** Wraps an async function so that at most as many calls as the semaphore allows run at once; the rest wait their turn. */
export function atMostAtOnce<Args extends unknown[], Result>(semaphore: Semaphore, run: (...args: Args) => Promise<Result>): (...args: Args) => Promise<Result> {
  return (...args) => semaphore.runExclusive(() => run(...args));
}

/** Exported for the test that checks hashing takes turns. */
export const hashingTurns = new Semaphore(CONCURRENT_PASSWORD_HASHES);

/** better-auth's own scrypt hash and check, sharing one limit on how many run at once. */
export const passwordHashing = {
  hash: atMostAtOnce(hashingTurns, (password: string) => hashPassword(password)),
  verify: atMostAtOnce(hashingTurns, (data: { hash: string; password: string }) => verifyPassword(data)),
};
