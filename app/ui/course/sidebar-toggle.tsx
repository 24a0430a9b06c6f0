'use client';

import { useState } from 'react';

/** Shows or hides the course outline on narrow screens (CSS hides the button on wide ones). */
export function SidebarToggle({ controls }: { controls: string }) {
  const [open, setOpen] = useState(false);
  return (
    <button
      type="button"
      className="button small sidebar-toggle"
      aria-expanded={open}
      aria-controls={controls}
      onClick={(event) => {
        const next = !open;
        event.currentTarget.closest('nav')?.setAttribute('data-open', String(next));
        setOpen(next);
      }}
    >
      {open ? 'Hide course outline' : 'Show course outline'}
    </button>
  );
}
