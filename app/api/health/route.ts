import { NextResponse } from 'next/server';
import { checkHealth } from './health-check';

// Every call must reach the database: a cached answer would keep a dead instance in rotation.
export const dynamic = 'force-dynamic';

/** Readiness: 200 when this instance can query its database, 503 with a reason when it cannot. */
export async function GET() {
  const { httpStatus, report, error } = await checkHealth(async () => {
    // Imported here so that a database client that cannot even be created is a 503, not a crash.
    const { db } = await import('@/server/db/db');
    return db.$queryRaw`SELECT 1`;
  });
  if (error !== undefined) console.error('health check: database query failed', error);
  return NextResponse.json(report, { status: httpStatus, headers: { 'Cache-Control': 'no-store' } });
}
