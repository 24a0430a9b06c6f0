import { applyTicks } from '@/app/ui/progress/apply-ticks';
import { afterLoadAndIdle } from '@/app/ui/lesson/after-load-idle';
import { isSearchShortcut } from '@/app/ui/search/search-shortcut';
import { wireDisclosures } from './disclosure';
import { fetchProgress } from './progress-api';
import { currentTheme, onThemeChange, setTheme } from './theme';

/*
 * The one script a static page loads up front (a few kB): the theme switch, the disclosure
 * buttons, the search shortcut and the progress ticks. Everything heavier (React, Mermaid, the
 * simulator, minisearch) is imported when it is needed: an island near the viewport, a search.
 */

function wireThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-testid="theme-toggle"]');
  if (!button) return;
  const describe = () => {
    const label = `Switch to ${currentTheme() === 'dark' ? 'light' : 'dark'} mode`;
    button.setAttribute('aria-label', label);
    button.title = label;
  };
  describe();
  onThemeChange(describe);
  button.addEventListener('click', () => setTheme(currentTheme() === 'dark' ? 'light' : 'dark'));
}

function wireSearch(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-testid="search-open"]');
  const open = () => void import('./search-island').then((island) => island.openSearch());
  button?.addEventListener('click', open);
  window.addEventListener('keydown', (event) => {
    if (!isSearchShortcut(event)) return;
    event.preventDefault();
    open();
  });
  button?.setAttribute('data-shortcuts', 'on');
}

function wake(target: Element): void {
  void import('./lesson-islands').then((islands) => islands.wake(target));
}

/** Wakes each target once it comes within `margin` of the viewport, after load and an idle moment. */
function wakeNearViewport(selector: string, margin: string): void {
  const targets = document.querySelectorAll(selector);
  if (targets.length === 0) return;
  afterLoadAndIdle(() => {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          wake(entry.target);
        }
      },
      { rootMargin: margin },
    );
    for (const target of targets) observer.observe(target);
  });
}

/*
 * Diagrams and lab embeds start drawing 200 px before they show. The quiz and Mark complete are
 * served ready to read and hydrate once the page is idle (or at the first touch or focus, if that
 * comes sooner), so Mark complete works wherever the learner is on the page; their progress load
 * also ticks the outline.
 */
function wakeIslands(): void {
  wakeNearViewport('[data-diagram-root], [data-lab-root]', '200px');
  const islands = document.querySelectorAll('[data-island]');
  for (const island of islands) {
    for (const type of ['pointerdown', 'focusin']) island.addEventListener(type, () => wake(island), { once: true });
  }
  if (islands.length > 0) afterLoadAndIdle(() => islands.forEach(wake));
  else afterLoadAndIdle(() => void fetchProgress().then((snapshot) => snapshot && applyTicks(snapshot.lessons)));
}

wireThemeToggle();
wireDisclosures();
wireSearch();
wakeIslands();
