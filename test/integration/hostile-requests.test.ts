import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outline } from '@/content/outline';
import { changedTables, countRows, discoverApiRoutes, hostileRequests, inProcessTransport, problemWith, requestPath, seedFixtures, validRequest, type Fixtures } from '../support/hostile-requests';
import { createFreshDatabase, openDatabase } from '../support/temp-database';

// A smaller, seeded run of scripts/bench/hostile-requests.ts's generator, in process, so CI catches a regression.
const SEED = 20_260_101;
const SAMPLE = 300;
const ORIGIN = 'http://localhost:3000';

const databaseUrl = createFreshDatabase();
const database = await openDatabase(databaseUrl);
const routes = discoverApiRoutes();
const send = inProcessTransport(ORIGIN);
let fixtures: Fixtures;

beforeAll(async () => {
  fixtures = await seedFixtures(send, routes, { origin: ORIGIN, lessonId: outline[0]!.lessons[0]!, exerciseId: 'round-robin' });
});
afterAll(() => database.$disconnect());

describe('hostile requests to every API route', () => {
  it('finds every route in app/api and the methods it exports', () => {
    const found = routes.map((route) => `${route.methods.join(',')} ${route.pattern}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'GET /api/progress',
        'POST /api/progress/[lessonId]',
        'POST /api/drills/attempts',
        'POST /api/drills/attempts/[attemptId]/rating',
        'GET,POST /api/drills/mock',
        'GET,POST /api/drills/mock/[sessionId]',
        'GET /api/drills/review',
        'POST /api/drills/review/[cardId]',
        'GET,PUT /api/exercises/[id]/draft',
        'GET /api/exercises/[id]/solution',
        'GET,POST /api/exercises/[id]/submissions',
      ]),
    );
    expect(routes.find((route) => route.pattern === '/api/drills/mock/[sessionId]')?.params).toEqual(['sessionId']);
  });

  it(`answers ${SAMPLE} seeded hostile requests without a 5xx or an accepted write, and writes nothing`, async () => {
    const requests = fc.sample(hostileRequests(routes, fixtures), { seed: SEED, numRuns: SAMPLE });
    const before = await countRows(database);
    const problems: string[] = [];
    for (const request of requests) {
      const problem = problemWith(request, await send(request));
      if (problem) problems.push(problem);
    }
    expect(problems).toEqual([]);
    expect(changedTables(before, await countRows(database))).toEqual([]);
    // The sample reaches every route and method, and the kinds of attack that matter most.
    const targets = new Set(requests.map((request) => `${request.method} ${request.route.pattern}`));
    for (const route of routes) for (const method of route.methods) expect(targets, `${method} ${route.pattern}`).toContain(`${method} ${route.pattern}`);
    const defects = new Set(requests.map((request) => request.defect.replace(/^(a \d+-byte body|content type).*$/, '$1').replace(/^(\S+ of the wrong type|no \S+|an oversized \S+|injection in \S+)$/, (_, kind: string) => kind.split(' ')[0]!)));
    for (const kind of ['invalid JSON', 'cross-site', "another learner's id", 'a bad cookie or junk query', 'an unknown field', 'a \\d+-byte body', 'content type', 'unstorable text in code']) {
      expect([...defects].some((defect) => new RegExp(`^${kind}`).test(defect)), kind).toBe(true);
    }
  });

  it('still answers its health check, and the victim still reads their own data', async () => {
    const health = routes.find((route) => route.pattern === '/api/health')!;
    expect((await send(validRequest(health, 'GET', fixtures))).status).toBe(200);
    const mock = routes.find((route) => route.pattern === '/api/drills/mock/[sessionId]')!;
    const answer = await send(validRequest(mock, 'GET', fixtures, { cookie: fixtures.victim.cookie }));
    expect(answer.status, requestPath(validRequest(mock, 'GET', fixtures))).toBe(200);
  });
});
