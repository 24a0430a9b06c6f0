'use client';

import { ThemeProvider } from 'next-themes';
import type { ReactNode } from 'react';
import { ProgressProvider } from './progress/progress-context';
import { TickSync } from './progress/tick-sync';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider attribute="data-theme" defaultTheme="system" enableSystem disableTransitionOnChange>
      <ProgressProvider>
        {children}
        <TickSync />
      </ProgressProvider>
    </ThemeProvider>
  );
}
