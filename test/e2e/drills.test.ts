import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@prisma/client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDrillBank } from '@/content/drills/bank';
import { launchBrowser, seriousAxeViolations, stylesheetRules } from '../support/browser';
import { startSite, type RunningSite } from '../support/server';

const bank = loadDrillBank();
const QUESTION = bank.questionsById.get('round-robin-when-and-why-not')!;
const PARTIAL = 'Round robin is right when the servers are identical and requests cost about the same. It hands each request to the next server in turn.';

let site: RunningSite & { databaseUrl: string };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let database: PrismaClient;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(3210), launchBrowser()]);
  database = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: site.databaseUrl }) });
  context = await browser.newContext({ baseURL: site.baseUrl, colorScheme: 'light', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterAll(async () => {
  await database?.$disconnect();
  await browser?.close();
  await site?.stop();
});

const dueCount = async (target: Page) => Number(await target.getByTestId('review-due-count').textContent());
const countdown = async (target: Page) => Number(await target.getByTestId('countdown').getAttribute('data-seconds'));
const currentPhase = (target: Page) => target.locator('.phase-steps [aria-current="step"]').textContent();

describe('practice', () => {
  it('starts from an empty overview and finds the question through the practice list', async () => {
    await page.goto('/drills');
    expect(await page.getByTestId('drills-empty').isVisible()).toBe(true);
    await page.getByRole('navigation', { name: 'Drills' }).getByRole('link', { name: 'Practice' }).click();
    await page.waitForURL('**/drills/practice');
    await page.getByLabel('Topic').selectOption('round-robin');
    await page.getByRole('button', { name: 'Show questions' }).click();
    await page.waitForURL('**/drills/practice?topic=round-robin**');
    await page.getByRole('link', { name: QUESTION.prompt }).click();
    await page.waitForURL(`**/drills/practice/${QUESTION.id}`);
  });

  it('refuses an over-long answer with a clear message before sending it', async () => {
    await page.getByTestId('answer-input').fill('x'.repeat(5_001));
    expect(await page.locator('.char-count').textContent()).toContain('cut 1 to submit');
    expect(await page.getByTestId('submit-answer').isDisabled()).toBe(true);
  });

  it('scores an answer: covered points quote the sentence, missed points link to their lesson section, then the model answer', async () => {
    await page.getByTestId('answer-input').fill(PARTIAL);
    await page.getByTestId('submit-answer').click();
    const feedback = page.getByTestId('attempt-feedback');
    await feedback.waitFor();
    const covered = page.getByTestId('points-covered');
    const label = (pointId: string) => QUESTION.rubric.find((point) => point.id === pointId)!.label;
    const uniform = covered.locator('li', { hasText: label('right-when-uniform') });
    expect(await uniform.locator('blockquote').textContent()).toContain('Round robin is right when the servers are identical');
    const missed = page.getByTestId('points-missed');
    expect(await missed.textContent()).toContain(label('counts-not-work'));
    expect(await missed.getByRole('link').first().getAttribute('href')).toMatch(/^\/learn\/round-robin#[a-z0-9-]+$/);
    expect(await page.getByTestId('model-answer').textContent()).toContain(QUESTION.modelAnswer.slice(0, 60));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('feedback-heading');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('takes a self-rating after the model answer', async () => {
    await page.getByTestId('self-rating').getByRole('button', { name: /Hard/ }).click();
    await expect.poll(() => page.getByTestId('self-rating').getByRole('status').textContent()).toContain('Saved');
    expect(await page.getByTestId('self-rating').getByRole('button', { name: /Hard/ }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('feedback a learner can act on', () => {
  const WRONG = 'Round robin sends each new request to the least loaded server, so it adapts when one server slows down.';

  it('shows a stated misconception first, in plain words, with the clause that said it and where to learn it', async () => {
    await page.goto(`/drills/practice/${QUESTION.id}`);
    await page.getByTestId('answer-input').fill(WRONG);
    await page.getByTestId('submit-answer').click();
    const misconceptions = page.getByTestId('misconceptions');
    await misconceptions.waitFor();
    expect(await misconceptions.textContent()).toMatch(/You said round robin/);
    expect(await misconceptions.locator('blockquote').first().textContent()).toContain('least loaded server');
    expect(await misconceptions.getByRole('link').first().getAttribute('href')).toMatch(/^\/learn\/round-robin/);
    const order = await page.evaluate(() => {
      const feedback = document.querySelector('[data-testid="attempt-feedback"]')!;
      const all = [...feedback.querySelectorAll('[data-testid]')].map((element) => element.getAttribute('data-testid'));
      return [all.indexOf('misconceptions'), all.indexOf('points-covered')];
    });
    expect(order[0]).toBeLessThan(order[1]!);
  });

  it('lets the learner dispute a missed point, compare it with the model answer, and confirm it', async () => {
    const missed = page.getByTestId('points-missed').locator('li').first();
    await missed.getByRole('button', { name: /I covered this/ }).click();
    await missed.getByRole('button', { name: 'My answer says this' }).waitFor();
    expect(await missed.textContent()).toContain('Compare with the model answer');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await missed.getByRole('button', { name: 'My answer says this' }).focus();
    await page.keyboard.press('Enter');
    await missed.getByTestId('dispute-confirmed').waitFor();
    const stored = await database.drillDispute.findMany({ where: { questionId: QUESTION.id } });
    expect(stored.map((row) => row.confirmed)).toEqual([true]);
  });
});

describe('review', () => {
  it('reviews due cards with the keyboard and by clicking, and the queue shrinks', async () => {
    await page.goto('/drills/review');
    const before = await dueCount(page);
    expect(before).toBeGreaterThanOrEqual(3);
    await page.locator('body').press(' ');
    await page.getByTestId('flashcard-back').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('3');
    await expect.poll(() => dueCount(page)).toBe(before - 1);
    await page.getByTestId('reveal-card').click();
    await page.getByRole('button', { name: /^Easy/ }).click();
    await expect.poll(() => dueCount(page)).toBe(before - 2);
    await page.reload();
    expect(await dueCount(page)).toBe(before - 2);
  });
});

describe('mock interview', () => {
  it('runs a short interview: a server-held countdown that survives a reload, follow-ups, and a scored summary', async () => {
    await page.goto('/drills/mock');
    await page.getByLabel('Questions').selectOption('1');
    await page.getByLabel('Custom').check();
    for (const phase of ['Clarify', 'High-level answer', 'Deep dive', 'Trade-offs']) await page.getByLabel(`${phase} (minutes)`).fill('0.25');
    await page.getByTestId('start-mock').click();
    await page.getByTestId('mock-runner').waitFor();
    expect(await currentPhase(page)).toBe('Clarify');
    await expect.poll(() => page.getByTestId('countdown-announcement').textContent()).toBe('Clarify: 15 seconds.');
    await expect.poll(() => countdown(page), { timeout: 5_000 }).toBeLessThan(15);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The server holds the start time: a reload shows the time really left, not a fresh 15 seconds.
    await page.getByTestId('mock-answer').fill('How many servers are there, and do requests differ in cost?');
    const beforeReload = await countdown(page);
    await page.reload();
    await page.getByTestId('mock-runner').waitFor();
    expect(await currentPhase(page)).toBe('Clarify');
    expect(await countdown(page)).toBeLessThanOrEqual(beforeReload);
    expect(await page.getByTestId('mock-answer').inputValue()).toContain('How many servers');

    // When the clarify phase runs out, the page submits it and the high-level phase starts.
    await expect.poll(() => currentPhase(page), { timeout: 20_000 }).toBe('High-level answer');
    const prompt = await page.locator('#mock-question-heading').textContent();
    const asked = bank.questions.find((question) => question.prompt === prompt)!;
    await page.getByTestId('mock-answer').fill(asked.modelAnswer);
    await page.getByTestId('next-phase').click();
    await expect.poll(() => currentPhase(page)).toBe('Deep dive');
    expect(await page.getByTestId('follow-ups').locator('li').count()).toBeGreaterThan(0);
    await page.getByTestId('mock-answer').fill('I would measure it before changing anything.');
    await page.getByTestId('next-phase').click();
    await expect.poll(() => currentPhase(page)).toBe('Trade-offs');
    await page.getByTestId('mock-answer').fill('Every choice here costs something, and I would say what.');
    await page.getByTestId('next-phase').click();

    await page.waitForURL('**/drills/mock/*');
    expect(await page.getByTestId('mock-score').textContent()).toContain('100%');
    expect(await page.getByTestId('topic-scores').locator('tbody tr').count()).toBeGreaterThan(0);
    const result = page.getByTestId('question-result');
    expect(await result.count()).toBe(1);
    expect(await result.getByTestId('points-covered').locator('li').count()).toBe(asked.rubric.length);
    expect(await result.textContent()).toContain(asked.prompt);
    expect(await result.locator('.phase-times tbody tr').count()).toBe(4);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('keeps the finished interview in the history on the overview', async () => {
    await page.goto('/drills');
    expect(await page.getByTestId('mock-history').locator('li').count()).toBe(1);
    expect(await page.getByTestId('stat-streak').textContent()).toContain('1');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('offers to resume or discard an interview abandoned mid-phase', async () => {
    await page.goto('/drills/mock');
    await page.getByTestId('start-mock').click();
    await page.getByTestId('mock-runner').waitFor();
    await page.goto('/drills');
    // The learner walked away: the phase's time ran out long ago.
    await database.mockSession.updateMany({ where: { status: 'active' }, data: { phaseStartedAt: new Date(Date.now() - 3_600_000) } });
    await page.reload();
    expect(await page.getByTestId('active-mock-notice').textContent()).toContain('Resume or discard it');
    await page.getByTestId('active-mock-notice').getByRole('link').click();
    await page.getByTestId('mock-resume').waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByTestId('mock-runner').waitFor();
    expect(await countdown(page)).toBeGreaterThan(60);
    await page.getByRole('button', { name: 'Discard interview' }).click();
    await page.getByRole('button', { name: 'Yes, discard' }).click();
    await page.getByTestId('start-mock').waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'discarded' }).count()).toBe(1);
  });
});

describe('section styles', () => {
  // Drills and exercises bring their stylesheets with their layouts; a lesson page does not carry them.

  it('arrive with a client-side navigation from a lesson, which never loaded them', async () => {
    await page.goto('/learn/round-robin');
    const lessonRules = await stylesheetRules(page);
    expect(lessonRules).toContain('.practise-this');
    expect(lessonRules).not.toContain('.drills-nav');
    expect(lessonRules).not.toContain('.exercise-layout');

    await page.getByRole('banner').getByRole('link', { name: 'Drills', exact: true }).click();
    await page.waitForURL('**/drills');
    expect(await page.locator('.drills-nav').evaluate((nav) => getComputedStyle(nav).display)).toBe('flex');

    await page.goBack();
    await page.waitForURL('**/learn/round-robin');
    await page.getByTestId('practise-this').getByRole('link').first().click();
    await page.waitForURL('**/exercises/*');
    expect(await page.locator('.exercise-layout').evaluate((layout) => getComputedStyle(layout).display)).toBe('grid');
  });
});

describe('every drills page', () => {
  it('has no serious or critical axe violations in dark mode', async () => {
    const dark = await browser.newContext({ baseURL: site.baseUrl, colorScheme: 'dark', storageState: await context.storageState() });
    const darkPage = await dark.newPage();
    for (const path of ['/drills', '/drills/practice?order=weakest', `/drills/practice/${QUESTION.id}`, '/drills/mock', '/drills/review']) {
      await darkPage.goto(path);
      expect(await darkPage.locator('html').getAttribute('data-theme'), path).toBe('dark');
      expect(await seriousAxeViolations(darkPage), path).toEqual([]);
    }
    await dark.close();
  });

  it('fits a 360 px wide phone without sideways scrolling', async () => {
    const phone = await browser.newContext({ baseURL: site.baseUrl, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, storageState: await context.storageState() });
    const phonePage = await phone.newPage();
    const summary = await database.mockSession.findFirstOrThrow({ where: { status: 'completed' } });
    for (const path of ['/drills', '/drills/practice', `/drills/practice/${QUESTION.id}`, '/drills/mock', `/drills/mock/${summary.id}`, '/drills/review']) {
      await phonePage.goto(path);
      expect(await phonePage.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
    await phone.close();
  });
});
