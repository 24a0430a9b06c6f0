import { useEffect, useState } from 'react';
import { afterLoadAndIdle } from './after-load-idle';

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
