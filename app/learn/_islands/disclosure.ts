/**
 * Every `<button data-disclosure>` on a static page (the course outline and the contents on narrow
 * screens): flips aria-expanded, the enclosing nav's data-open (which CSS reads) and the label.
 */
export function wireDisclosures(): void {
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-disclosure]') : null;
    if (!button) return;
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    button.closest('nav')?.setAttribute('data-open', String(open));
    const label = button.getAttribute(open ? 'data-label-open' : 'data-label-closed');
    if (label) button.textContent = label;
  });
}
