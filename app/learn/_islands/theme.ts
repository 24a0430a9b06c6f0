/*
 * The colour theme on static pages, stored as next-themes stores it (localStorage "theme":
 * light, dark or system; the <html data-theme> attribute and color-scheme), so a learner's
 * choice holds across the static lesson pages and the Next pages alike.
 */
export type ResolvedTheme = 'light' | 'dark';

const STORAGE_KEY = 'theme';

/**
 * Runs inline in <head>, before the first paint, so a dark page never flashes light. Kept as
 * source text because it is inlined into every static page.
 */
export const THEME_SCRIPT = `(function(){var d=document.documentElement,t='system';try{t=localStorage.getItem('${STORAGE_KEY}')||'system'}catch(e){}if(t!=='light'&&t!=='dark')t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';d.setAttribute('data-theme',t);d.style.colorScheme=t})()`;

export function currentTheme(): ResolvedTheme {
  return document.documentElement.getAttribute('data-theme') === 'dark' ? 'dark' : 'light';
}

export function setTheme(theme: ResolvedTheme): void {
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.setAttribute('data-theme', theme);
  document.documentElement.style.colorScheme = theme;
}

/** Calls `listener` whenever the page's theme changes (this tab's toggle, or another tab's). */
export function onThemeChange(listener: () => void): () => void {
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY && (event.newValue === 'light' || event.newValue === 'dark')) setTheme(event.newValue);
  };
  window.addEventListener('storage', fromOtherTab);
  return () => {
    observer.disconnect();
    window.removeEventListener('storage', fromOtherTab);
  };
}
