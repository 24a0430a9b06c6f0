import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NGINX_BIN, startNginx, type RunningNginx } from '../support/nginx';
import { startSite, type RunningSite } from '../support/server';
import { createFreshDatabase, testProvider } from '../support/temp-database';

/*
 * The deployment the README describes, on 127.0.0.1: two `next start` instances sharing one
 * PostgreSQL database behind nginx round robin, with no sticky sessions. A learner signs up through
 * nginx and works while requests alternate between instances; then one instance is killed, and the
 * learner is still signed in, nothing saved is lost, and the next requests succeed.
 */

const ready = testProvider === 'postgresql' && NGINX_BIN !== undefined;
if (!ready && process.env.CI === 'true') throw new Error('CI runs the two-instance test: it needs TEST_POSTGRES_URL and nginx (.ci/run provides both).');

const PORTS = { nginx: 3240, a: 3241, b: 3242 };
const SOLUTION = readFileSync('content/exercises/round-robin/solution.ts', 'utf8');

describe.runIf(ready)('two instances behind nginx, no sticky sessions', () => {
  let instances: Record<'a' | 'b', RunningSite>;
  let nginx: RunningNginx;
  let database: pg.Client;
  const cookies = new Map<string, string>();
  const upstreams: string[] = [];

  /** One request through nginx, as the learner's browser would send it: its cookies, same-origin. */
  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const headers: Record<string, string> = { origin: nginx.baseUrl, cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${nginx.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!.trim(), value.join('='));
    }
    upstreams.push(response.headers.get('x-upstream') ?? '');
    return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> };
  }

  const count = async (table: string) => Number((await database.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);

  beforeAll(async () => {
    const databaseUrl = createFreshDatabase();
    process.env.BETTER_AUTH_SECRET ??= 'two-instance-test-secret-0123456789abcdef';
    const [a, b] = await Promise.all([startSite(PORTS.a, databaseUrl), startSite(PORTS.b, databaseUrl)]);
    instances = { a, b };
    for (const site of [a, b]) expect((await fetch(`${site.baseUrl}/api/health`)).status).toBe(200);
    nginx = await startNginx(PORTS.nginx, [`127.0.0.1:${PORTS.a}`, `127.0.0.1:${PORTS.b}`]);
    database = new pg.Client({ connectionString: databaseUrl });
    await database.connect();
  });

  afterAll(async () => {
    await database?.end();
    await nginx?.stop();
    await Promise.all(Object.values(instances ?? {}).map((site) => site.stop()));
  });

  it('signs up and works through a lesson, an exercise and a drill while requests alternate between instances', async () => {
    const signUp = await call('POST', '/api/auth/sign-up/email', { email: 'learner@example.com', password: 'a long enough password', name: 'Learner' });
    expect(signUp.status).toBe(200);
    expect((await call('GET', '/api/auth/get-session')).json).toMatchObject({ user: { email: 'learner@example.com' } });

    expect((await call('POST', '/api/progress/round-robin', { action: 'complete', requestId: randomUUID() })).status).toBe(200);
    expect((await call('PUT', '/api/exercises/round-robin/draft', { code: SOLUTION })).status).toBe(200);
    const submission = await call('POST', '/api/exercises/round-robin/submissions', { code: SOLUTION });
    expect(submission.status).toBe(200);
    expect(submission.json).toMatchObject({ verdict: { status: 'accepted' } });
    expect((await call('POST', '/api/drills/attempts', { requestId: randomUUID(), questionId: 'round-robin-when-and-why-not', answer: 'Round robin sends each request to the next server in turn.' })).status).toBe(200);

    // Round robin, no stickiness: the same learner's requests were served by both instances.
    expect(new Set(upstreams)).toEqual(new Set([`127.0.0.1:${PORTS.a}`, `127.0.0.1:${PORTS.b}`]));
  });

  it('keeps the learner signed in with nothing lost when one instance is killed mid-session, and the next requests succeed', async () => {
    await instances.a.crash();
    upstreams.length = 0;

    const session = await call('GET', '/api/auth/get-session');
    expect(session.status).toBe(200);
    expect(session.json).toMatchObject({ user: { email: 'learner@example.com' } });
    const progress = await call('GET', '/api/progress');
    expect(progress.json).toMatchObject({ lessons: { 'round-robin': { completed: true } } });
    expect((await call('GET', '/api/exercises/round-robin/draft')).json).toMatchObject({ draft: { code: SOLUTION } });

    expect((await call('POST', '/api/progress/least-connections', { action: 'complete', requestId: randomUUID() })).status).toBe(200);
    expect((await call('POST', '/api/drills/attempts', { requestId: randomUUID(), questionId: 'round-robin-when-and-why-not', answer: 'Least connections picks the server with the fewest requests in flight.' })).status).toBe(200);
    for (let i = 0; i < 6; i++) expect((await call('GET', '/api/progress')).status).toBe(200);

    // nginx tried the dead instance (listed first in X-Upstream when it did) and answered from the other.
    expect(new Set(upstreams.map((upstream) => upstream.split(', ').at(-1)))).toEqual(new Set([`127.0.0.1:${PORTS.b}`]));
    expect(await count('Submission')).toBe(1);
    expect(await count('DrillAttempt')).toBe(2);
    expect(await count('LessonProgress')).toBe(2);
    expect(await count('Learner')).toBe(1);
  });
});
