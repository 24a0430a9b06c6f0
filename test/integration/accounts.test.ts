import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complete, completed, PASSWORD, signIn, signUp } from '../support/accounts';
import { BrowserClient, type Routes } from '../support/browser-client';
import { createFreshDatabase, openDatabase } from '../support/temp-database';

process.env.BETTER_AUTH_SECRET = 'integration-test-secret-0123456789abcdef';
const databaseUrl = createFreshDatabase();
const routes: Routes = {
  '/api/auth/[...all]': await import('@/app/api/auth/[...all]/route'),
  '/api/progress': await import('@/app/api/progress/route'),
  '/api/progress/[lessonId]': await import('@/app/api/progress/[lessonId]/route'),
  '/api/exercises/[id]/draft': await import('@/app/api/exercises/[id]/draft/route'),
};
const { SIGN_IN_PER_ACCOUNT } = await import('@/server/auth/sign-in-throttle');
const { SIGN_IN_PER_ADDRESS } = await import('@/server/auth/auth');
const db = await openDatabase(databaseUrl);
afterAll(() => db.$disconnect());

describe('accounts: anonymous first, then signed up, on several devices', () => {
  const laptop = new BrowserClient(routes, '203.0.113.1');
  const phone = new BrowserClient(routes, '203.0.113.2');

  beforeAll(async () => {
    expect((await complete(laptop, 'round-robin')).status).toBe(200);
    await laptop.call('PUT', '/api/exercises/round-robin/draft', { code: 'export const draft = 1;' });
  });

  it('signs up keeping everything done anonymously, with an httpOnly, SameSite=Lax session cookie', async () => {
    const anonymousId = laptop.cookies.get('tc_learner')!;
    const response = await signUp(laptop, 'ada@example.com');
    expect(response.status).toBe(200);
    const cookie = response.response.headers.getSetCookie().find((line) => line.startsWith('better-auth.session_token='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http here; BETTER_AUTH_URL=https://… turns it on
    const user = await db.user.findUniqueOrThrow({ where: { email: 'ada@example.com' }, include: { learner: true } });
    expect(user.learner?.id).toBe(anonymousId);
    expect(await completed(laptop)).toEqual(['round-robin']);
  });

  it('stores a memory-hard hash, never the password', async () => {
    const account = await db.account.findFirstOrThrow({ where: { user: { email: 'ada@example.com' } } });
    expect(account.password).not.toContain(PASSWORD);
    expect(account.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/); // better-auth's scrypt: salt:key
  });

  it('finds the same progress and drafts on another device after signing in', async () => {
    await complete(phone, 'least-connections'); // the phone's own guest progress
    expect((await signIn(phone, 'ada@example.com')).status).toBe(200);
    expect(await completed(phone)).toEqual(['round-robin']);
    const draft = await phone.call('GET', '/api/exercises/round-robin/draft');
    expect(draft.json).toMatchObject({ draft: { code: 'export const draft = 1;' } });
    expect((await complete(phone, 'weighted-round-robin')).status).toBe(200);
    expect(await completed(laptop)).toEqual(['round-robin', 'weighted-round-robin']);
  });

  it('signs out: the session no longer works, and the old guest cookie does not open the account', async () => {
    const stale = laptop.clone();
    expect((await laptop.call('POST', '/api/auth/sign-out', {})).status).toBe(200);
    expect(laptop.cookies.has('better-auth.session_token')).toBe(false);
    expect(await completed(laptop)).toEqual([]);
    // A copied session cookie from before the sign-out is dead too.
    expect((await stale.call("GET", "/api/auth/get-session")).json).toBeNull();
    expect(await completed(new BrowserClient(routes).withCookie('tc_learner', stale.cookies.get('tc_learner')!))).toEqual([]);
  });

  it('changes the password: the old one stops working, the new one works, other devices are signed out', async () => {
    const response = await phone.call('POST', '/api/auth/change-password', { currentPassword: PASSWORD, newPassword: 'an even longer passphrase', revokeOtherSessions: true });
    expect(response.status).toBe(200);
    const other = new BrowserClient(routes, '203.0.113.3');
    expect((await signIn(other, 'ada@example.com')).status).toBe(401);
    expect((await signIn(other, 'ada@example.com', 'an even longer passphrase')).status).toBe(200);
  });

  it('refuses a sign-in from another site', async () => {
    const response = await new BrowserClient(routes, '203.0.113.4').call('POST', '/api/auth/sign-in/email', { email: 'ada@example.com', password: PASSWORD }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });

  it('deletes the account and every row of its learner, leaving other learners alone', async () => {
    const bystander = new BrowserClient(routes, '203.0.113.5');
    await complete(bystander, 'round-robin');
    const learnerId = (await db.user.findUniqueOrThrow({ where: { email: 'ada@example.com' }, include: { learner: true } })).learner!.id;
    const response = await phone.call('POST', '/api/auth/delete-user', { password: 'an even longer passphrase' });
    expect(response.status).toBe(200);
    expect(await db.user.count({ where: { email: 'ada@example.com' } })).toBe(0);
    expect(await db.learner.count({ where: { id: learnerId } })).toBe(0);
    expect(await db.lessonProgress.count({ where: { learnerId } })).toBe(0);
    expect(await db.exerciseDraft.count({ where: { learnerId } })).toBe(0);
    expect(await db.session.count()).toBe(await db.session.count({ where: { user: { email: { not: 'ada@example.com' } } } }));
    expect(await completed(bystander)).toEqual(['round-robin']);
  });
});

describe('sign-in is rate-limited per account and per address', () => {
  it(`allows ${SIGN_IN_PER_ACCOUNT.max} attempts per account in a window from any mix of addresses, then answers 429`, async () => {
    await signUp(new BrowserClient(routes, '198.51.100.1'), 'grace@example.com');
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_PER_ACCOUNT.max + 2; i++) statuses.push((await signIn(new BrowserClient(routes, `198.51.100.${10 + i}`), 'grace@example.com', 'wrong password!')).status);
    expect(statuses.slice(0, SIGN_IN_PER_ACCOUNT.max).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(SIGN_IN_PER_ACCOUNT.max)).toEqual([429, 429]);
    // Even the right password waits out the window: the limit protects the account, whoever knocks.
    expect((await signIn(new BrowserClient(routes, '198.51.100.99'), 'grace@example.com')).status).toBe(429);
  });

  it(`allows ${SIGN_IN_PER_ADDRESS.max} attempts per address in a window across accounts, then answers 429`, async () => {
    const attacker = new BrowserClient(routes, '192.0.2.66');
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_PER_ADDRESS.max + 1; i++) statuses.push((await signIn(attacker, `nobody${i}@example.com`, 'wrong password!')).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
  });
});
