/**
 * Shows or hides the course outline on narrow screens (CSS hides the button on wide ones). Static
 * markup: the static pages' boot script (app/learn/_islands/disclosure.ts) runs every disclosure.
 */
export function SidebarToggle({ controls }: { controls: string }) {
  return (
    <button type="button" className="button small sidebar-toggle" aria-expanded="false" aria-controls={controls} data-disclosure="" data-label-open="Hide course outline" data-label-closed="Show course outline">
      Show course outline
    </button>
  );
}
