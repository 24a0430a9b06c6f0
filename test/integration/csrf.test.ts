import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outline } from '@/content/outline';
import { countRows, CROSS_SITE_HEADERS, discoverApiRoutes, inProcessTransport, seedFixtures, STATE_CHANGING, validRequest, type Fixtures } from '../support/hostile-requests';
import { createFreshDatabase, openDatabase } from '../support/temp-database';

const ORIGIN = 'http://localhost:3000';
const databaseUrl = createFreshDatabase();
const database = await openDatabase(databaseUrl);
const routes = discoverApiRoutes();
/** Every state-changing handler in app/api, found from the source: a new route is covered the day it lands. */
const writes = routes.flatMap((route) => route.methods.filter((method) => STATE_CHANGING.includes(method)).map((method) => ({ route, method, name: `${method} ${route.pattern}` })));
const send = inProcessTransport(ORIGIN);
let fixtures: Fixtures;

beforeAll(async () => {
  fixtures = await seedFixtures(send, routes, { origin: ORIGIN, lessonId: outline[0]!.lessons[0]!, exerciseId: 'round-robin' });
});
afterAll(() => database.$disconnect());

/** The victim's own valid write, as another site would make their browser send it. */
function forged(write: (typeof writes)[number], site: Record<string, string>) {
  const request = validRequest(write.route, write.method, fixtures, { cookie: fixtures.victim.cookie });
  return { ...request, headers: { 'content-type': 'application/json', cookie: `tc_learner=${fixtures.victim.cookie}`, ...site } };
}

describe('cross-site request forgery', () => {
  it('finds every state-changing route', () => {
    expect(writes.map((write) => write.name)).toEqual(
      expect.arrayContaining([
        'POST /api/progress/[lessonId]',
        'POST /api/drills/attempts',
        'POST /api/drills/attempts/[attemptId]/rating',
        'POST /api/drills/attempts/[attemptId]/disputes',
        'POST /api/drills/mock',
        'POST /api/drills/mock/[sessionId]',
        'POST /api/drills/review/[cardId]',
        'PUT /api/exercises/[id]/draft',
        'POST /api/exercises/[id]/submissions',
      ]),
    );
  });

  describe.each(writes)('$name', (write) => {
    it.each(CROSS_SITE_HEADERS.map((site) => [JSON.stringify(site), site] as const))('refuses a forged write carrying %s with 403, and writes nothing', async (_, site) => {
      const before = await countRows(database);
      const answer = await send(forged(write, site));
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.text)).toEqual({ error: 'Cross-site requests are not accepted.' });
      expect(answer.setCookie).toBeNull();
      expect(await countRows(database)).toEqual(before);
    });

    it('refuses it whatever the route parameters name: the guard runs first', async () => {
      const request = forged(write, CROSS_SITE_HEADERS[0]!);
      const answer = await send({ ...request, params: Object.fromEntries(Object.keys(request.params).map((name) => [name, 'no-such-thing'])) });
      expect(answer.status).toBe(403);
    });

    it('lets the same write through from the site itself, so the 403 above is the guard and not the body', async () => {
      const answer = await send(validRequest(write.route, write.method, fixtures, { cookie: fixtures.victim.cookie }));
      expect(answer.status).not.toBe(403);
      expect(answer.status).toBeLessThan(500);
    });
  });
});
