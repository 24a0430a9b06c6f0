'use client';

import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { isSearchShortcut } from './search-shortcut';

// The dialog (and minisearch with it) loads on first use, not with every page.
const SearchDialog = dynamic(() => import('./search-dialog').then((module) => module.SearchDialog), { ssr: false });

/** Opens the site's search; Ctrl+K / ⌘K or "/" open it from anywhere. */
export function SearchButton() {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    buttonRef.current?.setAttribute('data-shortcuts', 'on');
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <button type="button" className="search-trigger" onClick={() => setOpen(true)} aria-haspopup="dialog" data-testid="search-open" ref={buttonRef}>
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="11" cy="11" r="7" />
          <path d="M20 20l-4-4" />
        </svg>
        <span className="label">Search</span>
        <kbd aria-hidden="true">Ctrl K</kbd>
      </button>
      {open && <SearchDialog onClose={() => setOpen(false)} navigate={(href) => router.push(href)} />}
    </>
  );
}
