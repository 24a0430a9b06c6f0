import { useEffect, useState } from 'react';

/** Runs once the page has loaded and the main thread has had an idle moment. */
function afterLoadAndIdle(callback: () => void): () => void {
  let cancelled = false;
  const idle = () => {
    if (cancelled) return;
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => !cancelled && callback(), { timeout: 2000 });
    else setTimeout(() => !cancelled && callback(), 200);
  };
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
  return () => {
    cancelled = true;
    window.removeEventListener('load', idle);
  };
}

/**
 * The element `find` returns, once it comes within `margin` of the viewport (null until then).
 * Looking starts only after load and an idle moment, so the heavy work it triggers (Mermaid is
 * about 1 MB) never competes with the page becoming interactive. `find` runs after commit, so
 * it also works after a client-side navigation; keep it stable (useCallback).
 */
export function useElementNearViewport(find: () => Element | null, margin = '200px'): Element | null {
  const [element, setElement] = useState<Element | null>(null);
  useEffect(() => {
    if (element) return;
    let observer: IntersectionObserver | undefined;
    const stopWaiting = afterLoadAndIdle(() => {
      const target = find();
      if (!target) return;
      observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setElement(target), { rootMargin: margin });
      observer.observe(target);
    });
    return () => {
      stopWaiting();
      observer?.disconnect();
    };
  }, [element, find, margin]);
  return element;
}
