/** Runs once the page has loaded and the main thread has had an idle moment; returns a cancel function. */
export function afterLoadAndIdle(callback: () => void): () => void {
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
