import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDrillBank } from '@/content/drills/bank';
import { API_CSP, PERMISSIONS_POLICY, REFERRER_POLICY, SITE_CSP, STRICT_TRANSPORT_SECURITY, serializeCsp } from '@/server/http/security-headers';
import { launchBrowser } from '../support/browser';
import { startSite, type RunningSite } from '../support/server';

const PORT = 3210;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const EXERCISE = 'round-robin';
const QUESTION = loadDrillBank().questionsById.get('round-robin-when-and-why-not')!;
/** The lesson with the most diagrams, so Mermaid draws several under the policy. */
const LESSON = readdirSync('content/lessons')
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => ({ slug: name.slice(0, -4), diagrams: (readFileSync(`content/lessons/${name}`, 'utf8').match(/^```mermaid/gm) ?? []).length }))
  .sort((a, b) => b.diagrams - a.diagrams)[0]!;

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  column: number;
  document: string;
}

// Runs in every document and worker: CDP-injected, so the policy does not apply to this script itself.
const REPORT_VIOLATIONS = `self.addEventListener('securitypolicyviolation', (event) => console.error('CSP violation ' + JSON.stringify({
  directive: event.effectiveDirective, blocked: event.blockedURI, source: event.sourceFile, line: event.lineNumber, column: event.columnNumber, document: event.documentURI,
})));`;

let site: RunningSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const violations: Violation[] = [];
const headerErrors: string[] = [];

function collect(message: ConsoleMessage): void {
  const text = message.text();
  if (text.startsWith('CSP violation ')) violations.push(JSON.parse(text.slice('CSP violation '.length)) as Violation);
  else if (/Permissions-Policy|Content Security Policy|Content-Security-Policy/i.test(text)) headerErrors.push(text);
}

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(PORT), launchBrowser()]);
  context = await browser.newContext({ baseURL: site.baseUrl, colorScheme: 'light', viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: REPORT_VIOLATIONS });
  context.on('console', collect);
  page = await context.newPage();
  page.on('worker', (worker) => {
    worker.on('console', collect);
    worker.evaluate(REPORT_VIOLATIONS).catch(() => undefined);
  });
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

/** Waits for late reports, then fails with every violation and header error seen since the last call. */
async function expectNoViolations(): Promise<void> {
  await page.waitForTimeout(300);
  expect(violations.splice(0)).toEqual([]);
  expect(headerErrors.splice(0)).toEqual([]);
}

async function pasteCode(code: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(code)});
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

describe('security headers', () => {
  it('sends the site policy and the other headers with every page and static asset', async () => {
    const response = await context.request.get('/');
    const html = await response.text();
    const asset = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(html)![1]!;
    for (const path of ['/', `/learn/${LESSON.slug}`, '/lab', `/exercises/${EXERCISE}`, '/drills', '/no-such-page', '/SANDBOX/RUNNER', '/sandbox/runner.js', asset]) {
      const headers = (await context.request.get(path)).headers();
      expect(headers['content-security-policy'], path).toBe(serializeCsp(SITE_CSP));
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe(REFERRER_POLICY);
      expect(headers['permissions-policy'], path).toBe(PERMISSIONS_POLICY);
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['strict-transport-security'], path).toBeUndefined();
    }
  });

  it('answers the API with a policy that loads nothing', async () => {
    for (const path of ['/api/health', '/api/progress', '/api/drills/review', '/api/exercises/no-such-exercise/draft']) {
      const headers = (await context.request.get(path)).headers();
      expect(headers['content-security-policy'], path).toBe(serializeCsp(API_CSP));
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe(REFERRER_POLICY);
    }
  });

  it('keeps the Run sandbox on its own policy, embeddable by the site alone', async () => {
    const headers = (await context.request.get('/sandbox/runner')).headers();
    const csp = headers['content-security-policy']!;
    expect(csp).toContain(`frame-ancestors 'self' ${ORIGIN}`);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain('worker-src blob:');
    expect(csp).not.toContain('unsafe-inline');
    expect(headers['x-frame-options']).toBeUndefined();
    expect(headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
  });

  it('adds Strict-Transport-Security only to requests that came over HTTPS', async () => {
    const overHttps = (await context.request.get('/', { headers: { 'x-forwarded-proto': 'https' } })).headers();
    expect(overHttps['strict-transport-security']).toBe(STRICT_TRANSPORT_SECURITY);
    expect((await context.request.get('/')).headers()['strict-transport-security']).toBeUndefined();
  });
});

describe('the site works under its policy, with no violation', () => {
  it('home page', async () => {
    const response = await page.goto('/');
    expect(response!.headers()['content-security-policy']).toBe(serializeCsp(SITE_CSP));
    await page.getByRole('link', { name: /^Start with/ }).waitFor();
    await expectNoViolations();
  });

  it(`a lesson with ${LESSON.diagrams} diagrams: Mermaid draws every one, in both themes`, async () => {
    await page.goto(`/learn/${LESSON.slug}`);
    const figures = page.getByTestId('diagram');
    expect(await figures.count()).toBe(LESSON.diagrams);
    for (const figure of await figures.all()) {
      await figure.scrollIntoViewIfNeeded();
      await figure.locator('.diagram-canvas svg').waitFor();
    }
    await page.getByTestId('theme-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.getByTestId('theme-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('light');
    await expectNoViolations();
  });

  it('the lab: the simulation worker runs and the charts draw', async () => {
    await page.goto('/lab');
    await expect.poll(async () => Number.parseFloat((await page.getByTestId('lab-clock').first().textContent()) ?? '0'), { timeout: 15_000 }).toBeGreaterThan(1);
    expect(await page.locator('.lab-chart .uplot').count()).toBeGreaterThanOrEqual(3);
    await expectNoViolations();
  });

  it('an exercise: Monaco and its TypeScript worker load, and Run works in the sandbox frame', async () => {
    await page.goto(`/exercises/${EXERCISE}`);
    await page.locator('.monaco-editor .view-lines').waitFor();
    // A type error is underlined only once the TypeScript worker has checked the file.
    await pasteCode("export const wrong: number = 'not a number';\n");
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
    await pasteCode(readFileSync(`content/exercises/${EXERCISE}/solution.ts`, 'utf8'));
    const run = page.getByTestId('run');
    await expect.poll(() => run.isEnabled(), { timeout: 20_000 }).toBe(true);
    await run.click();
    await expect.poll(() => page.getByTestId('run-summary').textContent(), { timeout: 20_000 }).toMatch(/^(\d+) of \1 visible tests passed/);
    await expectNoViolations();
  });

  it('the drills: the overview, and a practice answer saved through the API', async () => {
    await page.goto('/drills');
    await page.goto(`/drills/practice/${QUESTION.id}`);
    await page.getByTestId('answer-input').fill('Round robin suits identical servers and requests of similar cost; it ignores load.');
    await page.getByTestId('submit-answer').click();
    await page.getByTestId('attempt-feedback').waitFor();
    await expectNoViolations();
  });
});

describe('the policy is enforced (so the checks above can fail)', () => {
  it('blocks a foreign script and eval on a page, and the test sees both', async () => {
    await page.goto('/');
    await page.evaluate(`(() => {
      const inline = document.createElement('script');
      // Later, not now: DevTools lets code it evaluates (and scripts that run inside that call) eval freely.
      inline.textContent = "setTimeout(() => { try { new Function('return 1')(); document.body.dataset.evalProbe = 'ran'; } catch { document.body.dataset.evalProbe = 'blocked'; } })";
      document.body.append(inline);
      const foreign = document.createElement('script');
      foreign.src = 'http://localhost:9/injected.js';
      document.head.append(foreign);
    })()`);
    await expect.poll(() => page.locator('body').getAttribute('data-eval-probe')).toBe('blocked');
    await expect.poll(() => violations.map((violation) => violation.directive).sort()).toEqual(['script-src', 'script-src-elem']);
    violations.splice(0);
    headerErrors.splice(0);
  });

  it('refuses to be framed by another origin, the Run sandbox included', async () => {
    const other = await context.newPage();
    await other.setContent(`<iframe name="page" src="${ORIGIN}/"></iframe><iframe name="runner" sandbox="allow-scripts" src="${ORIGIN}/sandbox/runner"></iframe>`);
    await expect.poll(() => other.frames().map((frame) => `${frame.name()} ${frame.url()}`).sort()).toEqual([' about:blank', 'page chrome-error://chromewebdata/', 'runner chrome-error://chromewebdata/']);
    await other.close();
    headerErrors.splice(0);
  });
});
