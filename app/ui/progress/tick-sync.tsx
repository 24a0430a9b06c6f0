'use client';

import { useEffect } from 'react';
import { usePathname } from 'next/navigation';
import { applyTicks } from './apply-ticks';
import { useProgress } from './progress-context';

/** Marks every static <CompletionTick> on the page done or not, whenever progress or the page changes. */
export function TickSync() {
  const { lessons } = useProgress();
  const pathname = usePathname();
  // A fresh visitor's page is never mutated after hydration: applyTicks writes only changes.
  useEffect(() => applyTicks(lessons), [lessons, pathname]);
  return null;
}
