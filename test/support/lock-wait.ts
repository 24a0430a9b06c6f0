import type { PrismaClient } from '@prisma/client';

/** Resolves once a session of this PostgreSQL database waits on a lock: the other request is now parked behind the test's transaction. */
export async function waitForALockWait(db: PrismaClient): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const [row] = await db.$queryRaw<{ waiting: bigint }[]>`SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (row && row.waiting > 0n) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the request never waited on the other transaction');
}
