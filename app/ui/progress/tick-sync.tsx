'use client';

import { useEffect } from 'react';
import { usePathname } from 'next/navigation';
import { useProgress } from './progress-context';

/** Marks every static <CompletionTick> on the page done or not, whenever progress or the page changes. */
export function TickSync() {
  const { lessons } = useProgress();
  const pathname = usePathname();
  useEffect(() => {
    for (const tick of document.querySelectorAll<HTMLElement>('[data-tick-for]')) {
      const done = Boolean(lessons[tick.dataset.tickFor!]?.completed);
      // Touch the DOM only on a change: a fresh visitor's page is never mutated after hydration.
      if (tick.dataset.done === String(done)) continue;
      tick.dataset.done = String(done);
      const text = tick.querySelector('.tick-text');
      if (text) text.textContent = done ? '(completed)' : '(not completed)';
    }
  }, [lessons, pathname]);
  return null;
}
