import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousAxeViolations } from '../support/browser';
import { realCourse } from '../support/course';
import { startSite, type RunningSite } from '../support/server';

const course = await realCourse();
let site: RunningSite & { databaseUrl: string };
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

/** Scrolls to every diagram of the page and waits until each is drawn (or has failed, which the drawing test reports). */
async function everyDiagramSettled(target: Page) {
  for (const figure of await target.getByTestId('diagram').all()) {
    await figure.scrollIntoViewIfNeeded();
    await figure.locator('.diagram-live[data-status="ready"], .diagram-live[data-status="failed"]').waitFor({ timeout: 15_000 });
  }
}

async function firstDiagramSvg(target: Page) {
  const figure = target.getByTestId('diagram').first();
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('.diagram-canvas svg').waitFor();
  return figure;
}

describe('a learner studying the course', () => {
  it('goes from the home page to the first lesson and sees its diagrams drawn as SVG', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: /^Start with/ }).click();
    await page.waitForURL(`**/learn/${course.lessons[0]!.slug}`);
    const figure = await firstDiagramSvg(page);
    expect(await figure.locator('svg').count()).toBeGreaterThan(0);
    expect(await figure.getAttribute('aria-labelledby')).toBeTruthy();
  });

  it('switches to dark mode, and the diagram redraws in the dark theme', async () => {
    const figure = await firstDiagramSvg(page);
    const lightSvg = await figure.locator('.diagram-canvas').innerHTML();
    await page.getByTestId('theme-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await expect.poll(() => figure.locator('.diagram-canvas').innerHTML()).not.toBe(lightSvg);
    await page.getByTestId('theme-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('light');
  });

  it('edits a diagram’s source and sees it redraw; a broken source shows the parser’s message', async () => {
    const figure = await firstDiagramSvg(page);
    await figure.getByTestId('diagram-source-toggle').click();
    await figure.getByTestId('diagram-source').fill('flowchart LR\n  A[Edited by the learner] --> B[Second box]');
    await expect.poll(() => figure.locator('.diagram-canvas svg').textContent(), { timeout: 10_000 }).toContain('Edited by the learner');
    await figure.getByTestId('diagram-source').fill('flowchart LR\n  A[Unclosed --> ');
    await expect.poll(() => figure.getByTestId('diagram-error').textContent(), { timeout: 10_000 }).toMatch(/parse|Expecting|error/i);
    expect(await figure.locator('.diagram-canvas svg').count()).toBe(1);
  });

  it('answers a quiz question and gets the explanation at once', async () => {
    const lesson = course.lessons[0]!;
    const question = lesson.frontmatter.quiz.find((candidate) => candidate.kind === 'choice')!;
    if (question.kind !== 'choice') throw new Error('needs a choice question');
    const item = page.getByTestId(`quiz-${question.id}`);
    await item.scrollIntoViewIfNeeded();
    await page.locator('[data-island="lesson-end"][data-live]').waitFor();
    await item.getByLabel(question.choices[question.answer]!, { exact: true }).check();
    await item.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => item.getByTestId('quiz-feedback').textContent()).toContain('Correct.');
  });

  it('answers another wrongly, and finds that question in the review deck', async () => {
    const lesson = course.lessons[0]!;
    const first = lesson.frontmatter.quiz.find((candidate) => candidate.kind === 'choice')!;
    const question = lesson.frontmatter.quiz.find((candidate) => candidate !== first)!;
    const item = page.getByTestId(`quiz-${question.id}`);
    await item.scrollIntoViewIfNeeded();
    await page.locator('[data-island="lesson-end"][data-live]').waitFor();
    if (question.kind === 'choice') await item.getByLabel(question.choices[(question.answer + 1) % question.choices.length]!, { exact: true }).check();
    else await item.getByPlaceholder('Type your answer').fill('certainly not this');
    await item.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => item.getByTestId('quiz-feedback').textContent()).toContain('Not quite.');
    await item.getByTestId('quiz-in-review').getByRole('link', { name: 'review deck' }).click();
    await page.waitForURL('**/drills/review');
    await expect.poll(() => page.getByTestId('flashcard-front').textContent(), { timeout: 15_000 }).toContain(question.prompt);
    await page.goto(`/learn/${lesson.slug}`);
  });

  it('marks the lesson complete, and it is still complete after a reload', async () => {
    const lesson = course.lessons[0]!;
    await page.getByTestId('mark-complete').click();
    await expect.poll(() => page.getByTestId('mark-complete').textContent(), { timeout: 10_000 }).toBe('Mark as not complete');
    await page.reload();
    await expect.poll(() => page.getByTestId('mark-complete').textContent(), { timeout: 10_000 }).toBe('Mark as not complete');
    await expect.poll(() => page.getByTestId(`tick-${lesson.id}`).first().getAttribute('data-done')).toBe('true');
  });

  it('still shows the lesson complete after the server restarts on the same database', async () => {
    await site.stop();
    site = await startSite(3210, site.databaseUrl);
    await page.reload();
    await expect.poll(() => page.getByTestId('mark-complete').textContent(), { timeout: 10_000 }).toBe('Mark as not complete');
  });

  it('shows the completed lesson and the right answer on the progress page', async () => {
    await page.goto('/progress');
    expect(await page.getByTestId('lessons-completed').textContent()).toContain(`1 / ${course.lessons.length}`);
    const row = await page.getByTestId(`progress-row-${course.lessons[0]!.id}`).textContent();
    expect(row).toContain('Completed');
    expect(row).toContain(`1 / ${course.lessons[0]!.frontmatter.quiz.length}`);
  });

  it('greets the returning learner with the next lesson to study instead of the first', async () => {
    await page.goto('/');
    const resume = page.getByTestId('resume');
    await expect.poll(() => resume.textContent(), { timeout: 10_000 }).toBe(`Continue with “${course.lessons[1]!.title}”`);
    await resume.click();
    await page.waitForURL(`**/learn/${course.lessons[1]!.slug}`);
  });

  it('searches with the keyboard and lands on the lesson section that matches', async () => {
    await page.goto('/learn');
    await page.locator('[data-testid="search-open"][data-shortcuts="on"]').waitFor();
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('Maglev');
    await page.getByRole('option').first().waitFor();
    const section = await page.getByRole('option').first().locator('.hit-heading').textContent();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/learn/consistent-hashing**');
    const anchor = new URL(page.url()).hash.slice(1);
    expect(anchor).not.toBe('');
    await expect.poll(() => page.locator(`[id="${anchor}"]`).evaluate((heading) => heading.getBoundingClientRect().top)).toBeLessThan(300);
    expect(await page.locator(`[id="${anchor}"]`).textContent()).toBe(section);
  });

  it('reaches the content with the skip link from the keyboard', async () => {
    await page.goto('/learn/round-robin');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(page.url()).toContain('#main');
  });
});

describe('every page a learner reads', () => {
  it.each(['/', '/learn', `/learn/${course.lessons[1]!.slug}`, '/progress'])('%s has no serious or critical axe violations', async (path) => {
    await page.goto(path);
    if (path.startsWith('/learn/')) await everyDiagramSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('every lesson in dark mode, once all its diagrams are drawn, has no serious or critical axe violations', async () => {
    const dark = await browser.newContext({ baseURL: site.baseUrl, colorScheme: 'dark' });
    const darkPage = await dark.newPage();
    const failures: string[] = [];
    for (const lesson of course.lessons) {
      await darkPage.goto(`/learn/${lesson.slug}`);
      await everyDiagramSettled(darkPage);
      failures.push(...(await seriousAxeViolations(darkPage)).map((violation) => `${lesson.slug}: ${violation}`));
    }
    expect(failures).toEqual([]);
    await dark.close();
  }, 600_000);

  it('fits a 360 px wide phone without sideways scrolling, with the outline behind a button', async () => {
    const phone = await browser.newContext({ baseURL: site.baseUrl, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const phonePage = await phone.newPage();
    for (const path of ['/', '/learn', '/learn/layer-4-vs-layer-7', '/progress']) {
      await phonePage.goto(path);
      expect(await phonePage.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
    await phonePage.goto('/learn/round-robin');
    const toggle = phonePage.getByRole('button', { name: 'Show course outline' });
    await toggle.click();
    expect(await phonePage.getByRole('navigation', { name: 'Course outline' }).getByRole('link').first().isVisible()).toBe(true);
    await phone.close();
  });

  it('draws every diagram of every lesson without a parse error', async () => {
    const failures: string[] = [];
    for (const lesson of course.lessons) {
      await page.goto(`/learn/${lesson.slug}`);
      const figures = page.getByTestId('diagram');
      const count = await figures.count();
      expect(count, lesson.id).toBe(lesson.outline.diagrams.length);
      for (let index = 0; index < count; index += 1) {
        const figure = figures.nth(index);
        await figure.scrollIntoViewIfNeeded();
        const live = figure.locator('.diagram-live');
        await figure.locator('.diagram-live[data-status="ready"], .diagram-live[data-status="failed"]').waitFor({ timeout: 15_000 });
        if ((await live.getAttribute('data-status')) !== 'ready') failures.push(`${lesson.id} diagram ${index + 1}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

describe('a lesson page served as static HTML with small islands', () => {
  const lesson = course.lessons[4]!;
  const next = course.lessons[5]!;

  it('carries no framework runtime: no flight payload, no Next chunks, only the boot module and its chunks', async () => {
    const html = await (await fetch(`${site.baseUrl}/learn/${lesson.slug}`)).text();
    expect(html).not.toContain('self.__next_f');
    expect(html).not.toContain('/_next/static/');
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^\/islands\/boot-[A-Z0-9]+\.js$/);
    expect(html).toContain(`<link rel="prefetch" href="/learn/${next.slug}"/>`);
  });

  it('shows a phone the lesson title first, with the contents collapsed under it until asked for', async () => {
    const phone = await browser.newContext({ baseURL: site.baseUrl, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phonePage = await phone.newPage();
    await phonePage.goto(`/learn/${lesson.slug}`);
    const title = phonePage.getByRole('heading', { level: 1 });
    const contents = phonePage.getByRole('navigation', { name: 'On this page' });
    const titleBox = (await title.boundingBox())!;
    expect(titleBox.y + titleBox.height).toBeLessThan(844);
    expect(titleBox.y).toBeLessThan((await contents.boundingBox())!.y);
    expect(await contents.getByRole('link').first().isVisible()).toBe(false);
    await contents.getByRole('button', { name: /show the contents/ }).click();
    await contents.getByRole('link', { name: lesson.outline.headings[0]!.text }).click();
    await phonePage.waitForURL(`**#${lesson.outline.headings[0]!.slug}`);
    await phone.close();
  });

  it('lets a keyboard reach every code block', async () => {
    await page.goto('/learn/stateless-sessions');
    const blocks = page.locator('.lesson-body pre');
    expect(await blocks.count()).toBeGreaterThan(0);
    expect(await page.locator('.lesson-body pre:not([tabindex="0"])').count()).toBe(0);
    expect(await blocks.first().getAttribute('aria-label')).toMatch(/^Code/);
  });

  it('keeps the theme from page to page without a flash, static and Next pages alike', async () => {
    const themed = await browser.newContext({ baseURL: site.baseUrl, colorScheme: 'light' });
    // What the page looked like when its first content was parsed, before any later script ran.
    await themed.addInitScript(() => document.addEventListener('DOMContentLoaded', () => ((window as unknown as { themeAtParse: string | null }).themeAtParse = document.documentElement.getAttribute('data-theme'))));
    const themedPage = await themed.newPage();
    await themedPage.goto(`/learn/${lesson.slug}`);
    await themedPage.getByTestId('theme-toggle').click();
    expect(await themedPage.getByTestId('theme-toggle').getAttribute('aria-label')).toBe('Switch to light mode');
    for (const path of [`/learn/${next.slug}`, '/lab', '/learn']) {
      await themedPage.goto(path);
      expect(await themedPage.evaluate(() => (window as unknown as { themeAtParse: string | null }).themeAtParse), path).toBe('dark');
    }
    await themed.close();
  });

  it('goes to the next lesson from the pager and comes back to the same scroll position', async () => {
    await page.goto(`/learn/${lesson.slug}`);
    await page.locator(`[id="${lesson.outline.headings[1]!.slug}"]`).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 200));
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(300);
    await page.getByRole('navigation', { name: 'Lesson navigation' }).getByRole('link', { name: new RegExp(next.title) }).click();
    await page.waitForURL(`**/learn/${next.slug}`);
    await page.goBack();
    await page.waitForURL(`**/learn/${lesson.slug}`);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 50);
  });

  it('ticks the lesson in the course outline as soon as it is marked complete', async () => {
    await page.goto(`/learn/${lesson.slug}`);
    const tick = page.getByRole('navigation', { name: 'Course outline' }).getByTestId(`tick-${lesson.id}`);
    expect(await tick.getAttribute('data-done')).toBe('false');
    await page.getByTestId('mark-complete').scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('mark-complete').isEnabled(), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('mark-complete').click();
    await expect.poll(() => tick.getAttribute('data-done')).toBe('true');
    await page.goto('/learn');
    await expect.poll(() => page.locator('main').getByTestId(`tick-${lesson.id}`).getAttribute('data-done')).toBe('true');
  });
});
