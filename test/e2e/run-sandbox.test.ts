import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPage, launchBrowser } from '../support/browser';
import { startSite, type RunningSite } from '../support/server';

const EXERCISE = '/exercises/round-robin';

// The exercise page hears nothing until 4 s after it loads, as on a slow CPU where the sandbox
// frame has long said `ready` before React attached its listener. Frames are left alone.
const DEAF_PAGE = `
  if (window.top === window) {
    const add = window.addEventListener.bind(window);
    const since = performance.now();
    window.addEventListener = function (type, listener, options) {
      if (type !== 'message') return add(type, listener, options);
      setTimeout(() => add(type, listener, options), Math.max(0, 4000 - (performance.now() - since)));
    };
  }
`;

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(3210), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

const newPage = () => freshPage(browser, site.baseUrl);

describe('the Run sandbox handshake', () => {
  it('enables Run even when the frame was ready before the page listened', async () => {
    const page = await newPage();
    await page.addInitScript(DEAF_PAGE);
    await page.goto(EXERCISE);
    // The frame is up long before the page hears anything; the page must ask it again.
    await expect.poll(() => page.getByTestId('run').isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('sandbox-state').textContent()).toBe('');
  });

  it('comes up on a 4x slower CPU and says what it is waiting for meanwhile', async () => {
    const page = await newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(EXERCISE, { waitUntil: 'commit' });
    await expect.poll(() => page.getByTestId('sandbox-state').textContent(), { timeout: 15_000 }).toMatch(/Starting the test sandbox|^$/);
    await expect.poll(() => page.getByTestId('run').isEnabled(), { timeout: 30_000 }).toBe(true);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  });

  it('comes up on a 1.6 Mbps connection with 150 ms of latency', async () => {
    const page = await newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 100_000 });
    await page.goto(EXERCISE, { waitUntil: 'commit' });
    await expect.poll(() => page.getByTestId('run').isEnabled(), { timeout: 80_000 }).toBe(true);
  }, 100_000);

  it('explains itself and offers a reload when the sandbox never starts', async () => {
    const page = await newPage();
    let blocked = true;
    await page.route('**/sandbox/runner.js', (route) => (blocked ? route.abort() : route.continue()));
    await page.goto(EXERCISE);
    const state = page.getByTestId('sandbox-state');
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toMatch(/test sandbox did not start/);
    expect(await page.getByTestId('run').isEnabled()).toBe(false);
    expect(await page.getByTestId('submit').isEnabled()).toBe(true);
    blocked = false;
    await page.getByRole('button', { name: 'Reload the sandbox' }).click();
    await expect.poll(() => page.getByTestId('run').isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await state.textContent()).toBe('');
  });
});
