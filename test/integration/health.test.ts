import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@prisma/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFreshDatabase } from '../support/temp-database';

createFreshDatabase();
const { checkHealth } = await import('@/app/api/health/health-check');

/** The route as a fresh module, optionally over a different database client. */
async function healthRoute(database?: PrismaClient) {
  vi.resetModules();
  if (database) vi.doMock('@/server/db/db', () => ({ db: database }));
  return (await import('@/app/api/health/route')).GET;
}

afterEach(() => {
  vi.doUnmock('@/server/db/db');
  vi.restoreAllMocks();
});

describe('GET /api/health', () => {
  it('answers 200 with status and database ok when the database answers SELECT 1, never cached', async () => {
    const GET = await healthRoute();
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 with a reason, without the driver’s message, when the database cannot be opened', async () => {
    const unreachable = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: 'file:/nonexistent/traffic-cop/health.db' }) });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const GET = await healthRoute(unreachable);
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toEqual({ status: 'unavailable', database: 'unreachable', reason: 'the database query failed' });
    expect(JSON.stringify(body)).not.toContain('/nonexistent');
    expect(response.headers.get('cache-control')).toBe('no-store');
    // The operator still gets the cause in the server log.
    expect(String(logged.mock.calls[0]?.[1])).toMatch(/directory does not exist|unable to open|SQLITE_CANTOPEN/i);
  });
});

describe('checkHealth', () => {
  it('gives up on a database that does not answer, within the deadline', async () => {
    const started = performance.now();
    const result = await checkHealth(() => new Promise(() => undefined), 50);
    expect(result.httpStatus).toBe(503);
    expect(result.report).toEqual({ status: 'unavailable', database: 'unreachable', reason: 'the database did not answer within 50 ms' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('turns a probe that throws, even synchronously, into a 503 instead of throwing', async () => {
    const result = await checkHealth(() => {
      throw new Error('driver exploded');
    });
    expect(result.httpStatus).toBe(503);
    expect(result.report).toEqual({ status: 'unavailable', database: 'unreachable', reason: 'the database query failed' });
    expect((result.error as Error).message).toBe('driver exploded');
  });

  it('reports ok for a probe that answers in time', async () => {
    expect(await checkHealth(async () => [{ 1: 1 }], 1_000)).toEqual({ httpStatus: 200, report: { status: 'ok', database: 'ok' } });
  });
});
