import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeLabState } from '@/lib/lab/lab-state';
import { LAB_PRESETS } from '@/lib/lab/presets';
import { launchBrowser, seriousAxeViolations, stylesheetRules } from '../support/browser';
import { startSite, type RunningSite } from '../support/server';

let site: RunningSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(3210), launchBrowser()]);
  context = await browser.newContext({ baseURL: site.baseUrl, colorScheme: 'light', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

const clockSeconds = async (target: Page | ReturnType<Page['locator']>) => Number.parseFloat((await target.getByTestId('lab-clock').first().textContent()) ?? '0');
const served = async (target: Page, server: string) => Number(((await target.locator(`[data-variant="0"] tr[data-server="${server}"] td[data-served]`).textContent()) ?? '').replace(/,/g, ''));
const status = (target: Page, server: string) => target.locator(`[data-variant="0"] tr[data-server="${server}"] td[data-status]`).getAttribute('data-status');
/** The commands the page's URL carries, as the kinds and servers a learner would read. */
function commandsInUrl(target: Page): string[] {
  const decoded = decodeLabState(new URL(target.url()).searchParams.get('run') ?? '');
  return decoded.ok ? decoded.state.commands.map(({ command }) => (command.kind === 'add-server' ? command.kind : `${command.kind} ${command.server}`)) : ['damaged'];
}
const totals = (target: Page) => target.locator('[data-variant="0"] .lab-totals').textContent();

/** Runs at full speed to the end. Waits for the first frame, which arrives only after hydration, so the speed change is seen. */
async function runToEnd(target: Page) {
  await target.getByTestId('lab-clock').filter({ hasText: 'simulated' }).waitFor();
  await target.getByLabel('Speed').selectOption('max');
  const play = target.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
  await expect.poll(() => target.getByTestId('lab-clock').textContent(), { timeout: 30_000 }).toContain('finished');
}

describe('the lab', () => {
  it('runs the default scenario in a worker, with a picture, a table and charts', async () => {
    await page.goto('/lab');
    await expect.poll(() => clockSeconds(page), { timeout: 15_000 }).toBeGreaterThan(1);
    expect(await page.locator('canvas.lab-picture').count()).toBe(1);
    expect(await page.locator('.lab-chart .uplot').count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => served(page, 'a')).toBeGreaterThan(0);
    expect(await page.locator('[data-variant="0"] .lab-table tbody tr').count()).toBe(4);
  });

  it('kills a server while it runs, and its traffic goes to the others', async () => {
    await page.getByRole('button', { name: 'Kill server b' }).click();
    await expect.poll(() => page.locator('tr[data-server="b"] td[data-status]').getAttribute('data-status')).toBe('down');
    const before = { b: await served(page, 'b'), a: await served(page, 'a') };
    await expect.poll(() => served(page, 'a'), { timeout: 10_000 }).toBeGreaterThan(before.a + 200);
    expect(await served(page, 'b')).toBe(before.b);
    expect(page.url()).toContain('/lab?run=');
  });

  it('opens a shared link and gets the very same numbers', async () => {
    await runToEnd(page);
    const original = await totals(page);
    const link = page.url();
    const other = await context.newPage();
    await other.goto(link);
    await runToEnd(other);
    expect(await totals(other)).toBe(original);
    expect(original).toMatch(/Failed in a crash[1-9]/);
    await other.close();
  });

  it('compares two algorithms side by side on the same traffic', async () => {
    await page.goto('/lab');
    await page.getByLabel('Compare side by side on the same traffic').check();
    await expect.poll(() => page.locator('section.lab-variant').count()).toBe(2);
    await runToEnd(page);
    const requests = await page.locator('.lab-totals dd[data-metric="Requests measured"]').allTextContents();
    expect(requests).toHaveLength(2);
    expect(requests[0]).toBe(requests[1]);
  });

  it('keeps a killed server down when the algorithm changes', async () => {
    await page.goto('/lab');
    await expect.poll(() => clockSeconds(page), { timeout: 15_000 }).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Kill server b' }).click();
    await expect.poll(() => status(page, 'b')).toBe('down');
    const killedAt = await clockSeconds(page);
    await page.getByLabel('Balancer', { exact: true }).selectOption('least-connections');
    await expect.poll(() => page.locator('[data-variant="0"] h2').textContent()).toBe('least-connections');
    expect(commandsInUrl(page)).toEqual(['crash 1']);
    // The new run starts from zero and replays the kill at the time it was made.
    await expect.poll(() => clockSeconds(page), { timeout: 15_000 }).toBeGreaterThan(killedAt + 0.5);
    expect(await status(page, 'b')).toBe('down');
    expect(commandsInUrl(page)).toEqual(['crash 1']);
    expect(await page.getByTestId('lab-dropped-commands').textContent()).toBe('');
  });

  it('counts the crash when a run under a failure is compared', async () => {
    await page.getByLabel('Compare side by side on the same traffic').check();
    await expect.poll(() => page.locator('section.lab-variant').count()).toBe(2);
    expect(commandsInUrl(page)).toEqual(['crash 1']);
    await runToEnd(page);
    const failed = await page.locator('.lab-totals dd[data-metric="Failed in a crash"]').allTextContents();
    expect(failed).toHaveLength(2);
    for (const count of failed) expect(Number(count.replace(/,/g, ''))).toBeGreaterThan(0);
  });

  it('says which command could not be replayed when its server is gone from the new settings', async () => {
    await page.goto('/lab');
    await expect.poll(() => clockSeconds(page), { timeout: 15_000 }).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Remove server d (drains first)' }).click();
    await expect.poll(() => status(page, 'd')).not.toBe('up');
    expect(commandsInUrl(page)).toEqual(['remove-server 3']);
    await page.getByLabel('How many').fill('3');
    const notice = page.getByTestId('lab-dropped-commands');
    await expect.poll(() => notice.textContent()).toMatch(/remove server d at [\d.]+ s: the new settings have 3 servers/);
    expect(await notice.getAttribute('aria-live')).toBe('polite');
    expect(commandsInUrl(page)).toEqual([]);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice.textContent()).toBe('');
  });

  it('shows the counters of failure under load in the table view', async () => {
    await page.goto('/lab?scenario=hedged-requests');
    await runToEnd(page);
    // The second variant is the one that hedges.
    const text = await page.locator('[data-variant="1"] .lab-totals').textContent();
    expect(text).toMatch(/Client requests answered in time \(goodput\)[\d,]+ of [\d,]+/);
    expect(text).toMatch(/Hedges sent[1-9]/);
    expect(text).toContain('Breaker overflows');
  });

  it('explains a damaged link and falls back to the default run', async () => {
    await page.goto('/lab?run=not-a-real-state');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('could not be opened');
    await expect.poll(() => clockSeconds(page), { timeout: 15_000 }).toBeGreaterThan(0.5);
  });

  it('has no serious accessibility violations, in light or dark', async () => {
    await page.goto('/lab');
    await expect.poll(() => served(page, 'a'), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const dark = await browser.newContext({ baseURL: site.baseUrl, colorScheme: 'dark', viewport: { width: 390, height: 844 } });
    const phone = await dark.newPage();
    await phone.goto('/lab');
    await expect.poll(() => served(phone, 'a'), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await seriousAxeViolations(phone)).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await dark.close();
  });
});

describe('a lesson with an embedded scenario', () => {
  it('runs the scenario in place when the learner presses Play', async () => {
    const preset = LAB_PRESETS[0]!;
    await page.goto(`/learn/${preset.lessonSlug}`);
    const embed = page.locator(`[data-lab="${preset.id}"]`);
    await embed.scrollIntoViewIfNeeded();
    await embed.getByRole('button', { name: 'Play' }).click({ timeout: 15_000 });
    expect(await embed.getByText('The simulation loads here').isVisible()).toBe(false);
    await expect.poll(() => clockSeconds(embed), { timeout: 15_000 }).toBeGreaterThan(1);
    expect(await embed.locator('canvas.lab-picture').count()).toBe(preset.state.variants.length);
    await expect.poll(() => embed.locator('.lab-totals').first().textContent()).toMatch(/Served[1-9]/);
    // The lab's stylesheet came with the embed's code: the page did not carry it.
    expect(await embed.locator('.lab-embed-actions').evaluate((actions) => getComputedStyle(actions).display)).toBe('flex');
  });

  it('a lesson without one carries none of the lab’s styles, and a client-side visit to the lab brings them', async () => {
    await page.goto('/learn/sticky-sessions');
    const rules = await stylesheetRules(page);
    expect(rules).toContain('.lesson-article');
    expect(rules).not.toContain('.lab-runbar');
    expect(rules).not.toContain('.uplot');
    await page.getByRole('banner').getByRole('link', { name: 'Lab', exact: true }).click();
    await page.waitForURL('**/lab');
    expect(await page.locator('.lab-runbar').evaluate((bar) => getComputedStyle(bar).position)).toBe('sticky');
    await expect.poll(() => page.locator('.uplot').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.locator('.uplot .u-wrap').first().evaluate((wrap) => getComputedStyle(wrap).position)).toBe('relative');
  });
});
