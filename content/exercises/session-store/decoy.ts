import type { Clock, SetOptions } from './types';

interface Entry {
  value: string;
  /** The last millisecond at which the key still exists; undefined: never expires. */
  expiresAt?: number;
}

/** Plausible but wrong: overwriting a key keeps its old time to live (Redis clears it). */
export class SessionStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  set(key: string, value: string, options: SetOptions = {}): boolean {
    const { ttlMs, nx = false, xx = false, keepTtl = false } = options;
    if (ttlMs !== undefined) positive(ttlMs);
    if (nx && xx) throw new RangeError('nx and xx cannot both be set');
    if (keepTtl && ttlMs !== undefined) throw new RangeError('keepTtl and ttlMs cannot both be set');
    const existing = this.live(key);
    if ((nx && existing) || (xx && !existing)) return false;
    const expiresAt = ttlMs !== undefined ? this.clock() + ttlMs : existing?.expiresAt;
    this.entries.set(key, expiresAt === undefined ? { value } : { value, expiresAt });
    return true;
  }

  get(key: string): string | undefined {
    return this.live(key)?.value;
  }

  delete(key: string): boolean {
    const existed = this.live(key) !== undefined;
    this.entries.delete(key);
    return existed;
  }

  expire(key: string, ttlMs: number): boolean {
    if (!Number.isInteger(ttlMs)) throw new RangeError('ttlMs must be a whole number of milliseconds');
    const entry = this.live(key);
    if (!entry) return false;
    if (ttlMs <= 0) this.entries.delete(key);
    else entry.expiresAt = this.clock() + ttlMs;
    return true;
  }

  ttl(key: string): number {
    const entry = this.live(key);
    if (!entry) return -2;
    if (entry.expiresAt === undefined) return -1;
    return entry.expiresAt - this.clock();
  }

  persist(key: string): boolean {
    const entry = this.live(key);
    if (entry?.expiresAt === undefined) return false;
    delete entry.expiresAt;
    return true;
  }

  /** The entry if it exists and has not expired; an expired one is removed on the way (Redis expires lazily too). */
  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Redis treats a key as expired only once the clock is past its expiry time.
    if (entry.expiresAt !== undefined && this.clock() > entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

function positive(ttlMs: number): void {
  if (!Number.isInteger(ttlMs) || ttlMs <= 0) throw new RangeError('ttlMs must be a positive whole number of milliseconds');
}
