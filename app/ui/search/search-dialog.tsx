'use client';

import MiniSearch from 'minisearch';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { searchOptions, type SearchDocument, type SearchHit } from '@/lib/content/search-index';

type IndexState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; index: MiniSearch<SearchDocument> };

let indexPromise: Promise<MiniSearch<SearchDocument>> | undefined;
function loadIndex(): Promise<MiniSearch<SearchDocument>> {
  indexPromise ??= fetch('/search-index.json')
    .then((response) => {
      if (!response.ok) throw new Error(`search index: ${response.status}`);
      return response.text();
    })
    .then((json) => MiniSearch.loadJSON<SearchDocument>(json, searchOptions))
    .catch((error: unknown) => {
      indexPromise = undefined;
      throw error;
    });
  return indexPromise;
}

const MAX_RESULTS = 12;

/** A modal, keyboard-driven search over every lesson section (arrow keys, Enter, Escape). */
export function SearchDialog({ onClose }: { onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [state, setState] = useState<IndexState>({ status: 'loading' });

  useEffect(() => {
    dialogRef.current?.showModal();
    loadIndex().then(
      (index) => setState({ status: 'ready', index }),
      () => setState({ status: 'error' }),
    );
  }, []);

  const hits = useMemo(() => {
    if (state.status !== 'ready' || query.trim().length < 2) return [];
    return (state.index.search(query) as SearchHit[]).slice(0, MAX_RESULTS);
  }, [state, query]);

  const go = (hit: SearchHit) => {
    onClose();
    router.push(`/learn/${hit.slug}${hit.anchor ? `#${hit.anchor}` : ''}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length) setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (event.key === 'Enter' && hits[active]) {
      event.preventDefault();
      go(hits[active]);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  let message = '';
  if (state.status === 'loading') message = 'Loading the search index…';
  else if (state.status === 'error') message = 'Search could not load. Check your connection and try again.';
  else if (query.trim().length < 2) message = 'Type at least two letters: an algorithm, a header, a failure…';
  else if (hits.length === 0) message = `No lesson mentions “${query.trim()}”. Try a shorter or different word.`;

  return (
    <dialog ref={dialogRef} className="search-dialog" aria-label="Search lessons" onClose={onClose} onClick={(event) => event.target === dialogRef.current && onClose()}>
      <div className="search-box">
        <input
          autoFocus
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={hits[active] ? optionId(active) : undefined}
          aria-autocomplete="list"
          aria-label="Search lessons"
          placeholder="Search lessons…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          data-testid="search-input"
        />
        <button type="button" className="button small" onClick={onClose}>
          Esc
        </button>
      </div>
      <ul id={listId} role="listbox" aria-label="Results" className="search-results">
        {hits.map((hit, index) => (
          <li
            key={hit.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            onMouseEnter={() => setActive(index)}
            onClick={() => go(hit)}
          >
            <span className="hit-lesson">{hit.lessonTitle}</span>
            {hit.heading !== hit.lessonTitle && <span className="hit-heading">{hit.heading}</span>}
            <span className="hit-excerpt">{hit.excerpt}</span>
          </li>
        ))}
      </ul>
      <p className="search-message" role="status" aria-live="polite">
        {message || `${hits.length} result${hits.length === 1 ? '' : 's'}. Use ↑ ↓ and Enter.`}
      </p>
    </dialog>
  );
}
