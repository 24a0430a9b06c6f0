/*
 * next/navigation on static pages. Navigation is a full page load; the server render is told
 * the page's path (setServerPathname) so links can mark the current page.
 */
let serverPathname = '/';

export function setServerPathname(pathname: string): void {
  serverPathname = pathname;
}

export function usePathname(): string {
  return typeof window === 'undefined' ? serverPathname : window.location.pathname;
}

export function useRouter() {
  return { push: (href: string) => window.location.assign(href) };
}
