import type { ProgressSnapshot } from '@/lib/progress/view';

/** Marks every static <CompletionTick> on the page done or not; touches the DOM only where a tick changes. */
export function applyTicks(lessons: ProgressSnapshot['lessons']): void {
  for (const tick of document.querySelectorAll<HTMLElement>('[data-tick-for]')) {
    const done = Boolean(lessons[tick.dataset.tickFor!]?.completed);
    if (tick.dataset.done === String(done)) continue;
    tick.dataset.done = String(done);
    const text = tick.querySelector('.tick-text');
    if (text) text.textContent = done ? '(completed)' : '(not completed)';
  }
}
