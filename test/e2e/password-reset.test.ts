import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPage, launchBrowser, seriousAxeViolations } from '../support/browser';
import { startSite, type RunningSite } from '../support/server';

const EMAIL = 'forgetful@example.com';
const OLD_PASSWORD = 'the old password 1';
const NEW_PASSWORD = 'a brand new password 2';

/** Every message the site sent, as received by a real SMTP server on 127.0.0.1. */
const inbox: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer;
let site: RunningSite & { databaseUrl: string };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.MAIL_FROM = 'Traffic Cop <no-reply@traffic-cop.test>';
  [site, browser] = await Promise.all([startSite(3210), launchBrowser()]);
  page = await freshPage(browser, site.baseUrl);
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await browser?.close();
  await site?.stop();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

/** The reset link in the newest message to `to`, once it has arrived (quoted-printable decoded). */
async function resetLinkFor(to: string, after: number): Promise<string> {
  await expect.poll(() => inbox.slice(after).filter((mail) => mail.to.includes(to)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  const mail = inbox.slice(after).filter((message) => message.to.includes(to)).at(-1)!;
  const text = mail.raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  expect(text).toContain('Subject: Reset your Traffic Cop password');
  return /(http:\/\/\S+\/account\/reset-password\?token=[\w-]+)/.exec(text)![1]!;
}

/** Signs in through better-auth from the page; the HTTP status. */
const signIn = (password: string) =>
  page.evaluate(
    async ([email, pass]) => (await fetch('/api/auth/sign-in/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: pass }) })).status,
    [EMAIL, password],
  );

async function requestReset(email: string): Promise<number> {
  const before = inbox.length;
  await page.context().clearCookies();
  await page.goto('/account');
  await page.getByRole('button', { name: 'I have an account' }).click();
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.waitForURL('**/account/forgot-password');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Email me a reset link' }).click();
  await expect.poll(() => page.getByTestId('reset-requested').textContent(), { timeout: 10_000 }).toContain(`If ${email} has an account`);
  return before;
}

async function setNewPassword(link: string, password: string) {
  await page.goto(link);
  await page.getByLabel('New password (at least 10 characters)').fill(password);
  await page.getByLabel('New password again').fill(password);
  await page.getByRole('button', { name: 'Set the new password' }).click();
}

describe('a learner who forgot their password', () => {
  it('gets a reset email from a real SMTP server, and the link sets a new password', async () => {
    await page.goto('/account');
    const signedUp = await page.evaluate(
      async ([email, password]) => (await fetch('/api/auth/sign-up/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password, name: 'Forgetful' }) })).status,
      [EMAIL, OLD_PASSWORD],
    );
    expect(signedUp).toBe(200);
    const before = await requestReset(EMAIL);
    const link = await resetLinkFor(EMAIL, before);
    expect(new URL(link).origin).toBe(site.baseUrl);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await setNewPassword(link, NEW_PASSWORD);
    await expect.poll(() => page.getByTestId('reset-done').textContent(), { timeout: 10_000 }).toMatch(/^Your password was changed/);
    expect(await signIn(OLD_PASSWORD)).toBe(401);
    expect(await signIn(NEW_PASSWORD)).toBe(200);
  });

  it('refuses the same link a second time', async () => {
    const before = await requestReset(EMAIL);
    const link = await resetLinkFor(EMAIL, before);
    await setNewPassword(link, 'the third password 3');
    await expect.poll(() => page.getByTestId('reset-done').count(), { timeout: 10_000 }).toBe(1);
    await setNewPassword(link, 'a fourth password 44');
    await expect.poll(() => page.locator('.account-error').textContent(), { timeout: 10_000 }).toBe('This link has expired or was already used. Ask for a new one below.');
    expect(await signIn('a fourth password 44')).toBe(401);
    expect(await signIn('the third password 3')).toBe(200);
  });

  it('refuses a link past its hour', async () => {
    const before = await requestReset(EMAIL);
    const link = await resetLinkFor(EMAIL, before);
    const token = new URL(link).searchParams.get('token')!;
    const file = new Database(site.databaseUrl.replace(/^file:/, ''));
    const row = file.prepare('SELECT typeof(expiresAt) AS kind FROM Verification WHERE identifier = ?').get(`reset-password:${token}`) as { kind: string };
    file.prepare('UPDATE Verification SET expiresAt = ? WHERE identifier = ?').run(row.kind === 'integer' ? Date.now() - 1000 : new Date(Date.now() - 1000).toISOString(), `reset-password:${token}`);
    file.close();
    await setNewPassword(link, 'too late password 5');
    await expect.poll(() => page.locator('.account-error').textContent(), { timeout: 10_000 }).toBe('This link has expired or was already used. Ask for a new one below.');
    expect(await signIn('too late password 5')).toBe(401);
  });

  it('answers the same for an address with no account, and sends nothing', async () => {
    const before = await requestReset('nobody-here@example.com');
    await page.waitForTimeout(1500);
    expect(inbox.slice(before).length).toBe(0);
  });
});
