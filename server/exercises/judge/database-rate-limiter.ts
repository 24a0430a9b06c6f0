import 'server-only';
import { Prisma, type PrismaClient } from '@prisma/client';
import type { TokenBucketConfig } from '@/lib/grading/rate-limit';
import { db } from '../../db/db';
import type { RateLimiter } from './rate-limit-store';

/** One take in about this many also deletes buckets idle long enough to be full again. */
const SWEEP_ONE_IN = 200;

/**
 * Token buckets in the JudgeBucket table, so every instance draws from the same bucket. Each take
 * is one INSERT … ON CONFLICT DO UPDATE (the same SQL on SQLite and PostgreSQL): the refill, the
 * take and the decision happen on the locked row, so two instances taking at once cannot both
 * spend the last token. Semantics are those of lib/grading/rate-limit.ts's takeToken.
 */
export function createDatabaseRateLimiter(config: TokenBucketConfig, client: PrismaClient = db): RateLimiter {
  const { capacity, refillPerSecond: rate } = config;
  const fullAfterMs = (capacity / rate) * 1000;
  return {
    async take(key, now = Date.now()) {
      const elapsed = `(CASE WHEN ${now} > "JudgeBucket"."refilledAt" THEN (${now} - "JudgeBucket"."refilledAt") / 1000.0 ELSE 0 END)`;
      const refilled = `(CASE WHEN "JudgeBucket"."tokens" + ${elapsed} * ${rate} > ${capacity} THEN ${capacity} ELSE "JudgeBucket"."tokens" + ${elapsed} * ${rate} END)`;
      // The numbers are the limiter's own configuration and the clock, never request data; the key is a bound parameter.
      const [start, refill, kept] = [capacity - 1, refilled, now].map((sql) => Prisma.raw(String(sql)));
      const rows = await client.$queryRaw<{ tokens: number; granted: number }[]>`
        INSERT INTO "JudgeBucket" ("key", "tokens", "refilledAt", "granted") VALUES (${key}, ${start}, ${kept}, 1)
        ON CONFLICT ("key") DO UPDATE SET
          "tokens" = CASE WHEN ${refill} >= 1 THEN ${refill} - 1 ELSE ${refill} END,
          "granted" = CASE WHEN ${refill} >= 1 THEN 1 ELSE 0 END,
          "refilledAt" = CASE WHEN ${kept} > "JudgeBucket"."refilledAt" THEN ${kept} ELSE "JudgeBucket"."refilledAt" END
        RETURNING "tokens", "granted"`;
      if (Math.random() * SWEEP_ONE_IN < 1) await client.judgeBucket.deleteMany({ where: { refilledAt: { lt: now - fullAfterMs } } });
      const { tokens, granted } = rows[0]!;
      if (Number(granted) === 1) return { allowed: true, retryAfterMs: 0 };
      return { allowed: false, retryAfterMs: Math.ceil(((1 - Number(tokens)) / rate) * 1000) };
    },
  };
}
