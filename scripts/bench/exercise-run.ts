// `npx tsx scripts/bench/exercise-run.ts [baseUrl]`: how long Run takes from the click to the summary
// line, in Debian's Chromium. Cold: the first Run after the page loads (the runner worker has just
// loaded; nothing is JIT-warm). Warm: later Runs on the same page (a pre-started worker each time).
// Needs the site running (npm start) at baseUrl, default http://127.0.0.1:3000.
import { readFileSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:3000';
const ID = 'round-robin';
const SOLUTION = readFileSync(`content/exercises/${ID}/solution.ts`, 'utf8');
const COLD_RUNS = 5;
const WARM_RUNS = 15;

let context: BrowserContext;

/** Clicks Run and waits in the page for the summary to change: the click-to-summary time, in ms. */
async function timeRun(page: Page): Promise<number> {
  const button = page.getByTestId('run');
  await button.waitFor();
  await page.waitForFunction(() => !(document.querySelector('[data-testid="run"]') as HTMLButtonElement).disabled, undefined, { timeout: 30_000 });
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const summary = document.querySelector('[data-testid="run-summary"]')!;
        const button = document.querySelector('[data-testid="run"]') as HTMLButtonElement;
        const observer = new MutationObserver(() => {
          if (/visible tests passed|does not compile|Timed out/.test(summary.textContent ?? '')) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(summary, { childList: true, characterData: true, subtree: true });
        const started = performance.now();
        button.click();
      }),
  );
}

async function openWithSolution(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/exercises/${ID}`);
  await page.locator('.monaco-editor .view-lines').waitFor();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, SOLUTION);
  return page;
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const cold: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const page = await openWithSolution();
    cold.push(await timeRun(page));
    await page.close();
  }
  const page = await openWithSolution();
  await timeRun(page);
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    await page.waitForTimeout(300); // let the frame start the next warm worker, as a learner's pause would
    warm.push(await timeRun(page));
  }
  await browser.close();

  const fmt = (values: number[]) => `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}, n=${values.length})`;
  console.log(`Run, click → summary, ${ID} (${SOLUTION.length} chars):`);
  console.log(`  cold (first Run after page load): ${fmt(cold)}   target ≤ 1500 ms`);
  console.log(`  warm (pre-started worker):        ${fmt(warm)}   target ≤ 300 ms`);
}

void main();
