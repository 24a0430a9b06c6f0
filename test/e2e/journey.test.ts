import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPage, launchBrowser, seriousAxeViolations } from '../support/browser';
import { startSite, type RunningSite } from '../support/server';

const SOLUTION = readFileSync('content/exercises/round-robin/solution.ts', 'utf8');

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(3210), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

const newPage = (options: { colorScheme?: 'light' | 'dark'; width?: number } = {}) => freshPage(browser, site.baseUrl, options);

/** Submits the reference solution from the page, as the Submit button does: the judge accepts it. */
async function acceptExercise(page: Page): Promise<void> {
  const status = await page.evaluate(async (code) => {
    const response = await fetch('/api/exercises/round-robin/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    return ((await response.json()) as { verdict?: { status: string } }).verdict?.status;
  }, SOLUTION);
  expect(status).toBe('accepted');
}

/** Whether the page scrolls sideways (tables and code scroll inside their own boxes instead). */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('the readiness page', () => {
  it('says there is nothing yet, and where to start, in a fresh browser', async () => {
    const page = await newPage();
    await page.goto('/progress');
    expect(await page.getByTestId('progress-empty').textContent()).toMatch(/^Nothing here yet/);
  });

  it('counts an accepted exercise in a fresh browser: no "Nothing here yet", the exercise and its topic show it', async () => {
    const page = await newPage();
    await page.goto('/exercises');
    await acceptExercise(page);
    await page.goto('/progress');
    expect(await page.getByTestId('progress-empty').count()).toBe(0);
    expect(await page.getByTestId('exercises-accepted').textContent()).toMatch(/^1 \/ \d+ exercises accepted/);
    expect(await page.getByTestId('progress-row-round-robin').textContent()).toContain('1 / 1 accepted');
    expect(await page.getByTestId('resume').textContent()).toMatch(/^Start with/);
    expect(await page.getByTestId('weak-topic').first().textContent()).toContain('Round robin');
  });

  it('fits a 390 px phone and passes axe in dark mode', async () => {
    const page = await newPage({ colorScheme: 'dark', width: 390 });
    await page.goto('/exercises');
    await acceptExercise(page);
    await page.goto('/progress');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('the home page', () => {
  it('shows the lab, exercises, mock interviews and review besides the lessons, each with a way in', async () => {
    const page = await newPage();
    await page.goto('/');
    for (const [name, href] of [
      ['Study', '/learn'],
      ['Lab', '/lab'],
      ['Exercises', '/exercises'],
      ['Mock interviews', '/drills/mock'],
      ['Review', '/drills/review'],
    ] as const) {
      const card = page.getByTestId(`activity-${href}`);
      expect(await card.locator('h2').textContent(), name).toBe(name);
      expect(await card.locator(`a[href="${href}"]`).count(), name).toBeGreaterThan(0);
    }
    expect(await page.getByTestId('readiness-link').count()).toBe(0);
  });

  it('gives a returning learner their next step and the way to their readiness', async () => {
    const page = await newPage();
    await page.goto('/exercises');
    await acceptExercise(page);
    await page.goto('/');
    await expect.poll(() => page.getByTestId('readiness-link').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('readiness-link').getAttribute('href')).toBe('/progress');
  });

  it('fits a 390 px phone and passes axe in dark mode', async () => {
    const page = await newPage({ colorScheme: 'dark', width: 390 });
    await page.goto('/');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

/** Opens search with Ctrl+K on `path` and types `query`. */
async function search(path: string, query: string): Promise<Page> {
  const page = await newPage();
  await page.goto(path);
  await page.locator('[data-testid="search-open"][data-shortcuts="on"]').waitFor();
  await page.keyboard.press('Control+k');
  await page.getByTestId('search-input').fill(query);
  return page;
}

describe('search', () => {
  it('finds lessons, exercises, interview questions and lab scenarios, grouped, with the matched words marked', async () => {
    const page = await search('/exercises', 'round robin');
    await page.getByRole('option').first().waitFor();
    const groups = await page.locator('.search-group').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-kind')));
    expect(groups).toEqual(['lesson', 'exercise', 'drill', 'scenario']);
    const marked = await page.locator('.search-hit mark').allTextContents();
    // Fuzzy matches ("around" for "round") are marked too; the words asked for are among them.
    expect(marked.filter((word) => /^(round|robin)/i.test(word)).length).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('takes a lab scenario hit to the lab with that scenario loaded', async () => {
    const page = await search('/learn', 'flapping');
    await page.locator('.search-group[data-kind="scenario"] [role="option"]').first().click();
    await page.waitForURL('**/lab?scenario=*');
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('flapping-server-health-checks');
  });
});
