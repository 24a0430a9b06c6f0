'use client';

import { ThemeProvider } from 'next-themes';
import type { ReactNode } from 'react';
import { ProgressProvider } from './progress/progress-context';
import { TickSync } from './progress/tick-sync';

export function Providers({ children }: { children: ReactNode }) {
  return (
    // No disableTransitionOnChange: the site has no CSS transitions to suppress, and the option injects and
    // removes a global stylesheet on every load, forcing full-document style recalculations during hydration.
    <ThemeProvider attribute="data-theme" defaultTheme="system" enableSystem>
      <ProgressProvider>
        {children}
        <TickSync />
      </ProgressProvider>
    </ThemeProvider>
  );
}
