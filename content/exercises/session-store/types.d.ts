/** Options for `set`, after Redis's SET command. */
export interface SetOptions {
  /** Expire the key this many milliseconds from now (SET … PX). A positive whole number. */
  ttlMs?: number;
  /** Only set the key if it does not exist (SET … NX). */
  nx?: boolean;
  /** Only set the key if it already exists (SET … XX). */
  xx?: boolean;
  /** Keep the key's current time to live instead of clearing it (SET … KEEPTTL). */
  keepTtl?: boolean;
}

/** The store's clock: milliseconds, never going backwards. Tests pass a fake one. */
export type Clock = () => number;
