import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousAxeViolations } from '../support/browser';
import { startSite, type RunningSite } from '../support/server';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(3210), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

// Small points, so each sweep takes a moment: the figures themselves are checked in test/unit/queueing.
const SMALL = '/lab/sweep?algorithm=round-robin&servers=2&workers=1&cost=10&requests=2000&seed=1&loads=0.3,0.6,0.9';

async function open(options: { colorScheme: 'light' | 'dark'; width: number }, url = SMALL): Promise<Page> {
  const context = await browser.newContext({ baseURL: site.baseUrl, colorScheme: options.colorScheme, viewport: { width: options.width, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const runbar = (page: Page) => page.locator('.lab-stage [role="status"]');
const finished = (page: Page) => runbar(page).filter({ hasText: 'Swept' }).waitFor({ timeout: 30_000 });

describe('the utilisation sweep lab', () => {
  it('runs every load in a worker and fills the chart and the table', async () => {
    const page = await open({ colorScheme: 'light', width: 1280 });
    await finished(page);
    expect(await runbar(page).textContent()).toBe('Swept 3 loads.');
    const rows = page.locator('.sweep-table tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.locator('th').allTextContents()).toEqual(['30%', '60%', '90%']);
    expect(await page.locator('.sweep-table td.muted').count()).toBe(0);
    expect(await page.locator('.sweep-chart canvas').count()).toBe(1);
    const legend = await page.locator('.sweep-chart .u-legend').textContent();
    for (const label of ['simulated p50', 'simulated p99', 'M/M/c p50', 'M/M/c p99']) expect(legend).toContain(label);
    expect(await page.locator('.sweep-reading').textContent()).toMatch(/p99/);
    await page.context().close();
  });

  it('reruns on a change and keeps the link in the address bar', async () => {
    const page = await open({ colorScheme: 'light', width: 1280 });
    await finished(page);
    await page.getByLabel('Servers').fill('3');
    await expect.poll(() => page.locator('.sweep-chart figcaption').textContent()).toContain('M/M/3');
    expect(page.url()).toContain('servers=3');
    await finished(page);
    expect(await page.locator('.sweep-table td.muted').count()).toBe(0);
    await page.context().close();
  });

  it('names what is wrong with a bad link and runs the default sweep instead', async () => {
    const page = await open({ colorScheme: 'light', width: 1280 }, '/lab/sweep?servers=0&loads=0.5,2');
    expect(await page.getByRole('alert').first().textContent()).toContain('servers');
    await finished(page);
    await page.context().close();
  });

  it('has no serious accessibility violations, light on a laptop and dark on a phone, and fits the phone', async () => {
    const light = await open({ colorScheme: 'light', width: 1280 });
    await finished(light);
    expect(await seriousAxeViolations(light)).toEqual([]);
    await light.context().close();
    const phone = await open({ colorScheme: 'dark', width: 390 });
    await finished(phone);
    expect(await seriousAxeViolations(phone)).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.context().close();
  });
});
