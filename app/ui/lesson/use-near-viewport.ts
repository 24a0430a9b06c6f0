import { useEffect, useState, type RefObject } from 'react';

/** Resolves once the page has loaded and the main thread has had an idle moment. */
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
 * True once the element comes within `margin` of the viewport; stays true afterwards.
 * Watching starts only after load and an idle moment, so heavy work it triggers (Mermaid is
 * about 1 MB) never competes with the page becoming interactive.
 */
export function useNearViewport(ref: RefObject<Element | null>, margin = '200px'): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || near) return;
    let observer: IntersectionObserver | undefined;
    const stopWaiting = afterLoadAndIdle(() => {
      observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setNear(true), { rootMargin: margin });
      observer.observe(element);
    });
    return () => {
      stopWaiting();
      observer?.disconnect();
    };
  }, [ref, margin, near]);
  return near;
}
