import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousAxeViolations } from '../support/browser';
import { pasteCode as pasteInto } from '../support/editor';
import { startSite, type RunningSite } from '../support/server';

const ID = 'round-robin';
const SOLUTION = readFileSync(`content/exercises/${ID}/solution.ts`, 'utf8');
// One failing test's worth of Expected/Received, a comment and an unused name (Monaco fades it).
const WRONG = "import type { Server } from './types';\n// Always the first server: wrong on purpose.\nexport class RoundRobin {\n  pick(servers: readonly Server[]): string | undefined {\n    const unused = 1;\n    return servers[0]?.id;\n  }\n}\n";
const LONG_LINE = `// ${'a long comment that keeps going '.repeat(12)}\n`;

let site: RunningSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(3210), launchBrowser()]);
  context = await browser.newContext({ baseURL: site.baseUrl, colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

const editorLines = () => page.getByTestId('code-editor').locator('.monaco-editor .view-lines');

const pasteCode = (code: string) => pasteInto(page, code);

const summary = () => page.getByTestId('run-summary').textContent();

describe('the exercise editor', () => {
  it('runs with Ctrl+Enter and submits with Ctrl+Shift+Enter, as the buttons say', async () => {
    await page.goto(`/exercises/${ID}`);
    await expect.poll(() => page.getByTestId('run').isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId('run').textContent()).toBe('Run Ctrl+Enter');
    expect(await page.getByTestId('submit').textContent()).toBe('Submit Ctrl+Shift+Enter');
    await pasteCode(WRONG);
    await page.keyboard.press('Control+Enter');
    await expect.poll(summary, { timeout: 20_000 }).toMatch(/visible tests passed$/);
    // Ctrl+Enter ran the tests; it did not also insert a line into the code.
    expect(((await editorLines().textContent()) ?? '').replace(/\u00a0/g, ' ')).toContain('return servers[0]?.id;');
    await page.keyboard.press('Control+Shift+Enter');
    await expect.poll(summary, { timeout: 30_000 }).toMatch(/^\d+ of \d+ tests failed/);
  });

  it('prints each Expected and Received once per failed test', async () => {
    await page.keyboard.press('Control+Enter');
    await expect.poll(summary, { timeout: 20_000 }).toMatch(/visible tests passed$/);
    const output = (await page.getByTestId('output-text').textContent()) ?? '';
    const failed = (output.match(/✗/g) ?? []).length;
    expect(failed).toBeGreaterThan(0);
    expect((output.match(/Expected: /g) ?? []).length).toBeLessThanOrEqual(failed);
    expect((output.match(/Received: /g) ?? []).length).toBeLessThanOrEqual(failed);
  });

  it('wraps long lines instead of scrolling sideways', async () => {
    await pasteCode(LONG_LINE + SOLUTION);
    const [modelLines, drawnLines] = await page.evaluate(() => {
      const editor = document.querySelector('[data-testid="code-editor"] .monaco-editor')!;
      return [editor.querySelectorAll('.view-line').length, editor.querySelector('.view-lines')!.scrollWidth <= editor.clientWidth];
    });
    expect(modelLines).toBeGreaterThan(1);
    expect(drawnLines).toBe(true);
  });

  it('says how to leave the editor, and Ctrl+M makes Tab move focus to the next control, remembered after a reload', async () => {
    const toggle = page.getByTestId('tab-mode');
    expect(await page.locator('.tab-mode').textContent()).toMatch(/Ctrl\+M makes Tab leave the editor/);
    await editorLines().click();
    await page.keyboard.press('Control+m');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await editorLines().click();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tab-mode');
    await editorLines().click();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('submit');
    await page.reload();
    await expect.poll(() => toggle.getAttribute('aria-pressed'), { timeout: 20_000 }).toBe('true');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  });

  it('has no serious or critical axe violations in dark mode with a comment and unused code in the editor', async () => {
    await pasteCode(WRONG);
    await page.keyboard.press('Control+Enter');
    await expect.poll(summary, { timeout: 20_000 }).toMatch(/visible tests passed$/);
    // Unused code is faded once the TypeScript worker has checked the file.
    await expect.poll(() => page.locator('.monaco-editor .squiggly-inline-unnecessary').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('a drill answer', () => {
  it('is scored with Ctrl+Enter, as the button says', async () => {
    await page.goto('/drills/practice/round-robin-when-and-why-not');
    const button = page.getByTestId('submit-answer');
    expect(await button.textContent()).toBe('Score my answer Ctrl+Enter');
    await page.getByTestId('answer-input').fill('Round robin sends each request to the next server in turn.');
    await page.getByTestId('answer-input').press('Control+Enter');
    await expect.poll(() => page.getByText('Edit and answer again').count(), { timeout: 20_000 }).toBe(1);
  });
});
