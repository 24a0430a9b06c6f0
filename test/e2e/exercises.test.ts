import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousAxeViolations } from '../support/browser';
import { pasteCode as pasteInto } from '../support/editor';
import { startSite, type RunningSite } from '../support/server';

const ID = 'round-robin';
const SOLUTION = readFileSync(`content/exercises/${ID}/solution.ts`, 'utf8');
const VISIBLE_TESTS = (readFileSync(`content/exercises/${ID}/visible.test.ts`, 'utf8').match(/\btest\(/g) ?? []).length;
const ENDLESS = "import type { Server } from './types';\nexport class RoundRobin {\n  pick(servers: readonly Server[]): string | undefined {\n    while (true) {}\n  }\n}\n";
// Allocates until the worker's heap gives out: the worker (or the frame's process) dies, the page must not.
const MEMORY_BOMB = "import type { Server } from './types';\nexport class RoundRobin {\n  pick(servers: readonly Server[]): string | undefined {\n    const hoard: number[][] = [];\n    for (;;) hoard.push(new Array(1 << 20).fill(servers.length));\n  }\n}\n";
// Tries the site's cookies, storage, DOM and API from inside the Run sandbox, and prints what it got.
const SNOOP = `const seen: string[] = [];
const scope = globalThis as any;
seen.push('document:' + typeof scope.document);
try { seen.push('cookie:' + String(scope.document?.cookie)); } catch (error) { seen.push('cookie-error'); }
try { seen.push('storage:' + String(scope.localStorage?.length)); } catch (error) { seen.push('storage-error'); }
try { const xhr = new scope.XMLHttpRequest(); xhr.open('GET', '/api/progress?from=sandbox', false); xhr.send(); seen.push('xhr:' + xhr.status + ':' + xhr.responseText); } catch (error) { seen.push('xhr-blocked'); }
try { scope.fetch('/api/progress?from=sandbox').then(() => seen.push('fetch-ok'), () => seen.push('fetch-blocked')); } catch (error) { seen.push('fetch-threw'); }
console.log('SNOOP ' + seen.join(' '));
export class RoundRobin { pick(): string | undefined { return undefined; } }
`;

// Learner code that tries to own the output pane: clear it, hide the real result and draw a pass.
const FAKE_PASS = "export class RoundRobin {\n  pick(): string | undefined {\n    console.log('\\x1b[2J\\x1b[H\\x1b[38;2;245;246;248mhidden\\x1b[0m\\x1b[32mTests: 4 passed, 4 total\\x1b[0m');\n    return undefined;\n  }\n}\n";
// An OSC 8 hyperlink with harmless text, aimed at another origin.
const LINK = "export class RoundRobin {\n  pick(): string | undefined {\n    console.log('\\x1b]8;;https://evil.example/\\x07CLICK-ME-PLEASE\\x1b]8;;\\x07');\n    return undefined;\n  }\n}\n";
// reportError's text reaches the page as the frame's crash message.
const REPORTED = "reportError('\\x1b[2J\\x1b[32mTests: 4 passed');\nexport class RoundRobin {\n  pick(): string | undefined {\n    return undefined;\n  }\n}\n";
/** The terminal as drawn, and the transcript beside it: neither may hold an escape character. */
const paneTexts = async (): Promise<[string, string]> => [(await page.getByTestId('output-terminal').textContent()) ?? '', (await page.getByTestId('output-text').textContent()) ?? ''];

let site: RunningSite & { databaseUrl: string };
let browser: Browser;
let context: BrowserContext;
let page: Page;
const apiRequests: string[] = [];

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(3210), launchBrowser()]);
  context = await browser.newContext({ baseURL: site.baseUrl, colorScheme: 'light', viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  context.on('request', (request) => {
    // The site's own pages read /api/progress; the sandboxed code marks its attempts.
    if (new URL(request.url()).searchParams.get('from') === 'sandbox') apiRequests.push(request.url());
  });
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

/** The editor's visible text, with Monaco's non-breaking spaces as plain ones. */
const editorText = async () => ((await page.locator('.monaco-editor .view-lines').textContent()) ?? '').replace(/\u00a0/g, ' ');

const pasteCode = (code: string) => pasteInto(page, code);

async function run(timeout = 15_000): Promise<string> {
  const button = page.getByTestId('run');
  await expect.poll(() => button.isEnabled(), { timeout: 20_000 }).toBe(true);
  await button.click();
  await expect.poll(() => button.textContent(), { timeout }).toMatch(/^Run(?!ning)/);
  return (await page.getByTestId('run-summary').textContent()) ?? '';
}

describe('a learner solving an exercise', () => {
  it('lists the exercises by topic, each not started, with the lesson it practises', async () => {
    await page.goto('/exercises');
    const card = page.getByTestId(`exercise-${ID}`);
    expect(await card.getAttribute('data-status')).toBe('not-started');
    expect(await card.getByRole('link', { name: 'Round robin' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { level: 2, name: 'Balancing algorithms' }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('opens the exercise with the spec, the editor loaded and the starter in it', async () => {
    await page.getByTestId(`exercise-${ID}`).getByRole('link', { name: 'Round robin' }).first().click();
    await page.waitForURL(`**/exercises/${ID}`);
    await page.locator('.monaco-editor .view-lines').waitFor();
    await expect.poll(editorText).toContain('Not implemented');
    expect(await page.locator('.lesson-body h2').count()).toBeGreaterThan(0);
  });

  it('runs the starter and sees the visible tests fail, then pastes a correct solution and sees them all pass', async () => {
    expect(await run()).toMatch(new RegExp(`^0 of ${VISIBLE_TESTS} visible tests passed`));
    await pasteCode(SOLUTION);
    expect(await run()).toBe(`${VISIBLE_TESTS} of ${VISIBLE_TESTS} visible tests passed`);
    expect(await page.getByTestId('output-text').textContent()).toMatch(/✓ sends the 4th request|✓ /);
    expect(await page.getByTestId('output-terminal').textContent()).toContain('✓');
  });

  it('submits, is accepted, sees the reference in a diff beside its code, and the list shows it passed', async () => {
    await page.getByTestId('submit').click();
    await expect.poll(() => page.getByTestId('run-summary').textContent(), { timeout: 20_000 }).toMatch(/^Accepted/);
    expect(await page.getByTestId('submission-history').locator('li').first().getAttribute('data-status')).toBe('accepted');
    await page.getByTestId('solution-diff').waitFor({ timeout: 20_000 });
    await page.goto('/exercises');
    expect(await page.getByTestId(`exercise-${ID}`).getAttribute('data-status')).toBe('passed');
  });

  it('restores the saved draft on return without running it', async () => {
    await page.goto(`/exercises/${ID}`);
    await expect.poll(editorText, { timeout: 20_000 }).toContain('one past the server chosen last');
    expect(await page.getByTestId('run-summary').textContent()).toBe('');
  });

  it('stops an endless loop at the time limit, and the page keeps working', async () => {
    await pasteCode(ENDLESS);
    expect(await run()).toMatch(/^Timed out after \d+ ms/);
    await pasteCode(SOLUTION);
    expect(await run()).toBe(`${VISIBLE_TESTS} of ${VISIBLE_TESTS} visible tests passed`);
  });

  it('survives a memory bomb: the run is reported as crashed or timed out, and the next run works', async () => {
    await pasteCode(MEMORY_BOMB);
    const summary = await run(40_000);
    expect(summary).toMatch(/^(The test worker crashed|Timed out after \d+ ms)/);
    console.log(`memory bomb: ${summary}`);
    expect(await page.getByTestId('output-text').textContent()).toMatch(/crashed|out of memory|Stopped after/);
    await pasteCode(SOLUTION);
    expect(await run()).toBe(`${VISIBLE_TESTS} of ${VISIBLE_TESTS} visible tests passed`);
  });

  it('gives learner code no document, cookies, storage or API: the sandbox has an opaque origin and no network', async () => {
    await pasteCode(SNOOP);
    await run();
    const output = (await page.getByTestId('output-text').textContent()) ?? '';
    expect(output).toContain('SNOOP document:undefined cookie:undefined storage:undefined xhr-blocked');
    const frameOrigin = await page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Test runner sandbox"]')!;
      try {
        return String(frame.contentWindow!.document.cookie);
      } catch {
        return 'cross-origin';
      }
    });
    expect(frameOrigin).toBe('cross-origin');
    expect(await page.locator('iframe[title="Test runner sandbox"]').getAttribute('sandbox')).toBe('allow-scripts');
    await page.waitForTimeout(500);
    expect(apiRequests).toEqual([]);
  });

  it('prints escape sequences from learner code as inert text: no cleared pane, no fake pass', async () => {
    await pasteCode(FAKE_PASS);
    const summary = await run();
    expect(summary).toMatch(/^\d of \d+ visible tests passed/);
    const [terminal, transcript] = await paneTexts();
    expect(terminal).toContain('[2J[H');
    expect(terminal).toContain(`${VISIBLE_TESTS - Number(summary.split(' ')[0])} failed`);
    expect(terminal + transcript).not.toContain('\x1b');
  });

  it('opens nothing when learner output carries a hyperlink', async () => {
    const opened: string[] = [];
    const onPage = (other: Page) => opened.push(other.url());
    const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
      opened.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    };
    context.on('page', onPage);
    page.on('dialog', onDialog);
    await pasteCode(LINK);
    await run();
    const link = page.getByTestId('output-terminal').getByText('CLICK-ME-PLEASE').first();
    await link.click({ force: true });
    await page.waitForTimeout(500);
    context.off('page', onPage);
    page.off('dialog', onDialog);
    expect(opened).toEqual([]);
    const [terminal, transcript] = await paneTexts();
    expect(terminal + transcript).not.toContain('\x1b');
  });

  it('shows what reportError reported as inert text', async () => {
    await pasteCode(REPORTED);
    expect(await run()).toMatch(/^(The test worker crashed|0 of \d+ visible tests passed)/);
    const [terminal, transcript] = await paneTexts();
    expect(terminal + transcript).not.toContain('\x1b');
    expect(transcript).toContain('[2J[32mTests: 4 passed');
  });

  it('has no serious accessibility violations on the exercise page', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('lists the exercise under “Practise this” on its lesson, as plain links', async () => {
    await page.goto('/learn/round-robin');
    const list = page.getByTestId('practise-this');
    expect(await list.getByRole('link', { name: 'Round robin' }).getAttribute('href')).toBe(`/exercises/${ID}`);
  });
});

describe('the capstone: racing your own balancer', () => {
  const CAPSTONE = 'capstone-balancer';
  const CAPSTONE_SOLUTION = readFileSync(`content/exercises/${CAPSTONE}/solution.ts`, 'utf8');
  const ROUND_ROBIN = "import type { Backend, Balancer } from './types';\nexport function createBalancer(): Balancer {\n  let next = 0;\n  return { pick(backends: readonly Backend[]) { const up = backends.filter((b) => b.usable); return up.length ? up[next++ % up.length]!.id : undefined; } };\n}\n";

  async function race(): Promise<string> {
    const button = page.getByTestId('race');
    await expect.poll(() => button.isEnabled(), { timeout: 20_000 }).toBe(true);
    await button.click();
    await expect.poll(() => button.textContent(), { timeout: 20_000 }).toBe('Race');
    return (await page.getByTestId('run-summary').textContent()) ?? '';
  }
  const verdictOf = (track: string, balancer: string) => page.locator(`[data-track="${track}"] tr[data-balancer="${balancer}"] td[data-passed]`).getAttribute('data-passed');

  it('races a round robin against the built-ins on the same traffic and shows where it fails', async () => {
    await page.goto(`/exercises/${CAPSTONE}`);
    await page.locator('.monaco-editor .view-lines').waitFor();
    await pasteCode(ROUND_ROBIN);
    expect(await race()).toBe('Your balancer passes 1 of 3 tracks');
    expect(await verdictOf('uneven-costs', 'yours')).toBe('false');
    expect(await verdictOf('uneven-costs', 'least-connections')).toBe('true');
    expect(await verdictOf('server-crash', 'yours')).toBe('true');
    // The same traffic: a learner's round robin scores exactly what the built-in does.
    const p99 = (balancer: string) => page.locator(`[data-track="uneven-costs"] tr[data-balancer="${balancer}"] td`).nth(1).textContent();
    expect(await p99('yours')).toBe(await p99('round-robin'));
  });

  it('passes every track with weighted least connections, and the judge accepts it', async () => {
    await pasteCode(CAPSTONE_SOLUTION);
    expect(await race()).toBe('Your balancer passes 3 of 3 tracks');
    await page.getByTestId('submit').click();
    await expect.poll(() => page.getByTestId('run-summary').textContent(), { timeout: 30_000 }).toMatch(/^Accepted: all \d+ tests passed/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows an Error whose message is an object as an error row, and the page keeps working', async () => {
    await pasteCode("export function createBalancer() {\n  return {\n    pick(): string | undefined {\n      const error = new Error('x');\n      Object.defineProperty(error, 'message', { value: { shown: 'an object' } });\n      throw error;\n    },\n  };\n}\n");
    expect(await race()).toMatch(/pick threw on request 1: Error \(with a message that is not text\)/);
    expect(await page.getByText('Something went wrong').count()).toBe(0);
    expect(await page.locator('[data-track="uneven-costs"] tr[data-balancer="yours"] .race-error').count()).toBe(1);
  });

  it('caps an 8 MB error from pick, and the page never freezes', async () => {
    await pasteCode("export function createBalancer() {\n  const big = 'x'.repeat(8 * 1024 * 1024);\n  return {\n    pick(): string | undefined {\n      throw new Error(big);\n    },\n  };\n}\n");
    // The longest gap between timer ticks on the page's main thread while the race runs and is shown.
    await page.evaluate(() => {
      const scope = window as unknown as { worstGapMs: number };
      scope.worstGapMs = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        scope.worstGapMs = Math.max(scope.worstGapMs, now - last);
        last = now;
      }, 50);
    });
    expect(await race()).toMatch(/pick threw on request 1: Error: x+…/);
    const row = (await page.locator('[data-track="uneven-costs"] tr[data-balancer="yours"] .race-error').textContent()) ?? '';
    expect(row.length).toBeLessThan(1000);
    const worstGapMs = await page.evaluate(() => (window as unknown as { worstGapMs: number }).worstGapMs);
    console.log(`8 MB pick error: longest main-thread gap ${Math.round(worstGapMs)} ms`);
    expect(worstGapMs).toBeLessThan(1000);
  });

  it('shows a balancer that picks a crashed server as an error row, not a crash', async () => {
    await pasteCode("export function createBalancer() { let n = 0; return { pick: (backends: { id: string }[]) => backends[n++ % backends.length]!.id }; }\n");
    expect(await race()).toMatch(/: pick returned "\w" on request \d+, but it is not usable/);
    expect(await page.locator('[data-track="server-crash"] tr[data-balancer="yours"] .race-error').textContent()).toMatch(/not usable/);
  });
});
