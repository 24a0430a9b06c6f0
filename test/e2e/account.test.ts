import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousAxeViolations } from '../support/browser';
import { startSite, type RunningSite } from '../support/server';

let site: RunningSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const EMAIL = 'e2e-learner@example.com';
const PASSWORD = 'a long enough password';

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(3210), launchBrowser()]);
  context = await browser.newContext({ baseURL: site.baseUrl, colorScheme: 'light', viewport: { width: 390, height: 844 }, acceptDownloads: true });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

const lessonsCompleted = async () => {
  await page.goto('/progress');
  return (await page.getByTestId('lessons-completed').textContent()) ?? '';
};

async function fillAndSubmit(fields: Record<string, string>, button: string) {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: button, exact: true }).click();
}

/** Signs out, completes one lesson as the browser's new guest, signs back in, and waits for the offer of that guest's progress. */
async function completeAsGuestThenSignIn(slug: string) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Sign up', exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.goto(`/learn/${slug}`);
  await page.getByTestId('mark-complete').click();
  await expect.poll(() => page.getByTestId('lesson-complete').getAttribute('data-done'), { timeout: 15_000 }).toBe('true');
  await page.goto('/account');
  await page.getByRole('button', { name: 'I have an account', exact: true }).click();
  await fillAndSubmit({ Email: EMAIL, Password: PASSWORD }, 'Sign in');
  await expect.poll(() => page.getByTestId('guest-summary').textContent(), { timeout: 15_000 }).toBe('1 lesson completed');
}

describe('an account, on a phone-sized screen', () => {
  it('starts as a guest, completes a lesson, then signs up and keeps it', async () => {
    await page.goto('/learn/round-robin');
    await page.getByTestId('mark-complete').click();
    await expect.poll(() => page.getByTestId('lesson-complete').getAttribute('data-done'), { timeout: 15_000 }).toBe('true');
    await page.goto('/account');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await fillAndSubmit({ Email: EMAIL, 'Password (at least 10 characters)': PASSWORD }, 'Sign up');
    await expect.poll(() => page.getByTestId('signed-in-as').textContent(), { timeout: 15_000 }).toContain(EMAIL);
    expect(await lessonsCompleted()).toMatch(/^1\b/);
  });

  it('exports everything as a JSON file', async () => {
    await page.goto('/account');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; lessonProgress: { lessonId: string }[] };
    expect(exported.format).toBe('traffic-cop-export');
    expect(exported.lessonProgress.map((row) => row.lessonId)).toContain('round-robin');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('signs out and sees a fresh guest, then signs in and sees the account again', async () => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign up', exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await lessonsCompleted()).toMatch(/^0\b/);
    await page.goto('/account');
    await page.getByRole('button', { name: 'I have an account', exact: true }).click();
    await fillAndSubmit({ Email: EMAIL, Password: 'not the password' }, 'Sign in');
    // Next's route announcer is an alert too: read the form's own.
    await expect.poll(() => page.locator('.account-form [role="alert"]').textContent(), { timeout: 15_000 }).toMatch(/invalid|match/i);
    await fillAndSubmit({ Email: EMAIL, Password: PASSWORD }, 'Sign in');
    await expect.poll(() => page.getByTestId('signed-in-as').textContent(), { timeout: 15_000 }).toContain(EMAIL);
    expect(await lessonsCompleted()).toMatch(/^1\b/);
  });

  it('offers this browser’s guest progress after signing in, and adds it on request', async () => {
    await page.goto('/account');
    await completeAsGuestThenSignIn('least-connections');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await lessonsCompleted()).toMatch(/^1\b/);

    await page.goto('/account');
    await page.getByRole('button', { name: 'Add it to my account', exact: true }).click();
    await expect.poll(() => page.getByTestId('guest-merged').textContent(), { timeout: 15_000 }).toBe('Added to your account: 1 lesson completed.');
    await expect.poll(() => page.getByTestId('guest-summary').count()).toBe(0);
    expect(await lessonsCompleted()).toMatch(/^2\b/);
    await page.goto('/account');
    expect(await page.getByTestId('guest-summary').count()).toBe(0);
  });

  it('discards guest progress that is not the learner’s, leaving the account as it was', async () => {
    await completeAsGuestThenSignIn('ip-hash');
    await page.getByRole('button', { name: 'Discard it', exact: true }).click();
    await expect.poll(() => page.getByTestId('guest-merged').textContent(), { timeout: 15_000 }).toBe('This browser’s guest progress was discarded.');
    await expect.poll(() => page.getByTestId('guest-summary').count()).toBe(0);
    expect(await lessonsCompleted()).toMatch(/^2\b/);
  });

  it('deletes the account after asking for the password, and the email no longer signs in', async () => {
    await page.goto('/account');
    await page.getByTestId('delete-start').click();
    // The destructive button keeps its warning colour on a page that loads no section stylesheet.
    const confirm = page.getByRole('button', { name: 'Delete everything' });
    expect(await confirm.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe(
      await page.evaluate(() => { const probe = document.createElement('span'); probe.style.color = 'var(--bad)'; document.body.append(probe); const colour = getComputedStyle(probe).color; probe.remove(); return colour; }),
    );
    await fillAndSubmit({ 'Your password, to confirm': PASSWORD }, 'Delete everything');
    await expect.poll(() => page.getByRole('button', { name: 'Sign up', exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await lessonsCompleted()).toMatch(/^0\b/);
    const status = await page.evaluate(
      `fetch('/api/auth/sign-in/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: '${EMAIL}', password: '${PASSWORD}' }) }).then((r) => r.status)`,
    );
    expect(status).toBe(401);
  });
});
