import type { Clock, SetOptions } from './types';

/** A key-value store with Redis's expiry semantics: the shared session store every app server talks to. */
export class SessionStore {
  constructor(clock: Clock) {
    throw new Error('Not implemented');
  }

  /** SET: stores the value and, unless keepTtl, replaces any time to live. Returns false when nx/xx prevented the write. */
  set(key: string, value: string, options: SetOptions = {}): boolean {
    throw new Error('Not implemented');
  }

  /** GET: the value, or undefined for a key that does not exist or has expired. */
  get(key: string): string | undefined {
    throw new Error('Not implemented');
  }

  /** DEL: removes the key; true if it existed. */
  delete(key: string): boolean {
    throw new Error('Not implemented');
  }

  /** PEXPIRE: the key now expires `ttlMs` from now (a non-positive value deletes it). False when the key does not exist. */
  expire(key: string, ttlMs: number): boolean {
    throw new Error('Not implemented');
  }

  /** PTTL: milliseconds left, −1 for a key with no expiry, −2 for a key that does not exist. */
  ttl(key: string): number {
    throw new Error('Not implemented');
  }

  /** PERSIST: removes the time to live; true if there was one to remove. */
  persist(key: string): boolean {
    throw new Error('Not implemented');
  }
}
