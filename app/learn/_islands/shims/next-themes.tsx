import { useSyncExternalStore, type ReactNode } from 'react';
import { currentTheme, onThemeChange, setTheme } from '../theme';

/*
 * next-themes for the static pages' islands: the same `useTheme` the site's components call,
 * backed by the <html data-theme> attribute the inline head script sets (no provider state).
 */
export function ThemeProvider({ children }: { children: ReactNode }) {
  return children;
}

export function useTheme() {
  const resolvedTheme = useSyncExternalStore(onThemeChange, currentTheme, () => undefined);
  return { theme: resolvedTheme, resolvedTheme, setTheme: (theme: string) => setTheme(theme === 'dark' ? 'dark' : 'light') };
}
