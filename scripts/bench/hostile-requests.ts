// `npx tsx scripts/bench/hostile-requests.ts` (npm run bench:hostile): 10,000 malformed, oversized and
// hostile requests across every API route found in app/api, over HTTP. Asserts no 5xx, no write
// accepted, not one row changed, and a healthy server afterwards; prints the figures.
//
// Without --url it serves the production build on 127.0.0.1:3230 (building first if needed) on a
// fresh SQLite file. With --url it targets a running server; --database (or DATABASE_URL) must name
// that server's database so the rows can be counted.
//   --requests 10000  --seed 1  --concurrency 8  --url http://127.0.0.1:3000  --database file:/path.db
import { parseArgs } from 'node:util';
import type { PrismaClient } from '@prisma/client';
import fc from 'fast-check';
import { outline } from '@/content/outline';
import { createDatabaseClient } from '@/server/db/database-client';
import { migrateDatabase, newSqliteUrl } from '../../test/support/migrated-database';
import { startSite, type RunningSite } from '../../test/support/server';
import { changedTables, countRows, discoverApiRoutes, REQUEST_BOOKKEEPING_TABLES, hostileRequests, httpTransport, problemWith, seedFixtures, type ApiRequest } from '../../test/support/hostile-requests';

const PORT = 3230;
/** `next start` on 127.0.0.1 over a fresh, migrated SQLite file (test/support/server.ts waits for /api/health). */
async function startServer(): Promise<RunningSite & { databaseUrl: string }> {
  const databaseUrl = newSqliteUrl('traffic-cop-hostile-');
  migrateDatabase(databaseUrl);
  return startSite(PORT, databaseUrl);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const grouped = (value: number) => value.toLocaleString('en-US');

function tally<T>(values: T[]): [T, number][] {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<void> {
  const { values: options } = parseArgs({
    options: { requests: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' }, concurrency: { type: 'string', default: '8' }, url: { type: 'string' }, database: { type: 'string' } },
  });
  const count = Number(options.requests);
  const seed = Number(options.seed);
  const concurrency = Number(options.concurrency);

  let site: (RunningSite & { databaseUrl: string }) | undefined;
  let database: PrismaClient | undefined;
  try {
    const databaseUrl = options.url ? (options.database ?? process.env.DATABASE_URL) : undefined;
    if (options.url && !databaseUrl) throw new Error('--url needs --database (or DATABASE_URL) to count the rows it must not change');
    if (!options.url) site = await startServer();
    const baseUrl = options.url ?? site!.baseUrl;
    database = createDatabaseClient(databaseUrl ?? site!.databaseUrl);

    const routes = discoverApiRoutes();
    const send = httpTransport(baseUrl);
    const fixtures = await seedFixtures(send, routes, { origin: baseUrl, lessonId: outline[0]!.lessons[0]!, exerciseId: 'round-robin' });
    const requests = fc.sample(hostileRequests(routes, fixtures), { seed, numRuns: count });
    const methods = routes.reduce((sum, route) => sum + route.methods.length, 0);
    console.log(`${routes.length} routes, ${methods} route methods in app/api; ${grouped(count)} hostile requests (seed ${seed}), ${concurrency} at a time, to ${baseUrl}`);

    const before = await countRows(database);
    const statuses: number[] = [];
    const latencies: number[] = [];
    const problems: string[] = [];
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < requests.length) {
        const request: ApiRequest = requests[next++]!;
        const sent = performance.now();
        const answer = await send(request);
        latencies.push(performance.now() - sent);
        statuses.push(answer.status);
        const problem = problemWith(request, answer);
        if (problem) problems.push(problem);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    const after = await countRows(database);
    const health = await fetch(`${baseUrl}/api/health`);
    const healthBody = await health.text();

    latencies.sort((a, b) => a - b);
    const bytes = requests.reduce((sum, request) => sum + (request.body?.length ?? 0), 0);
    console.log(`sent ${grouped(requests.length)} requests (${(bytes / 1e6).toFixed(1)} MB of bodies) in ${seconds.toFixed(1)} s: ${grouped(Math.round(requests.length / seconds))} requests/s`);
    console.log(`status codes: ${tally(statuses).sort((a, b) => a[0] - b[0]).map(([status, n]) => `${status} ×${grouped(n)}`).join(', ')}`);
    console.log(`latency: p50 ${ms(percentile(latencies, 0.5))}, p99 ${ms(percentile(latencies, 0.99))}, max ${ms(latencies.at(-1) ?? 0)}; connections that failed and were retried: ${send.retried}`);
    console.log(`attacks: ${tally(requests.map((request) => request.defect.replace(/^(a) \d+-byte (body)$/, '$1 huge $2').replace(/^content type .*$/, 'a wrong content type').replace(/^\S+ of the wrong type$/, 'a field of the wrong type').replace(/^no \S+$/, 'a missing field').replace(/^an oversized \S+$/, 'an oversized field').replace(/^injection in (?!the path)\S+$/, 'injection in a body id').replace(/^method \S+$/, 'an unsupported method'))).map(([defect, n]) => `${defect} ${grouped(n)}`).join(', ')}`);
    console.log(`rows before: ${Object.entries(before).map(([table, n]) => `${table} ${n}`).join(', ')}`);
    const bookkeeping = [...REQUEST_BOOKKEEPING_TABLES].filter((table) => table in after);
    console.log(`rows after:  ${Object.entries(after).map(([table, n]) => `${table} ${n}`).join(', ')}${bookkeeping.length > 0 ? ` (${bookkeeping.join(', ')}: request bookkeeping, may grow)` : ''}`);
    console.log(`health afterwards: ${health.status} ${healthBody}`);

    const failures = [
      ...problems.slice(0, 20),
      ...(problems.length > 20 ? [`… and ${problems.length - 20} more`] : []),
      ...changedTables(before, after),
      ...(health.status === 200 ? [] : [`the health check answered ${health.status}`]),
    ];
    if (failures.length > 0) {
      console.error(`FAILED:\n  ${failures.join('\n  ')}`);
      process.exitCode = 1;
    } else {
      console.log('OK: no 5xx, no hostile write accepted, no row changed, healthy afterwards');
    }
  } finally {
    await database?.$disconnect();
    await site?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
