'use client';

import MiniSearch from 'minisearch';
import { Fragment, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { SEARCH_KIND_LABELS, SEARCH_KINDS, searchOptions, snippet, type SearchDocument, type SearchHit, type SearchKind } from '@/lib/content/search-index';

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

/** So one kind (most often lessons) cannot crowd the others out. */
const RESULTS_PER_KIND: Readonly<Record<SearchKind, number>> = { lesson: 6, exercise: 3, drill: 4, scenario: 3 };

/**
 * A modal, keyboard-driven search over lessons, exercises, drill questions and lab scenarios,
 * grouped by kind, matches highlighted (arrow keys, Enter, Escape). Framework-free apart from
 * React, so a static page can load it as an island: `navigate` defaults to a full page load.
 */
export function SearchDialog({ onClose, navigate = (href) => window.location.assign(href) }: { onClose: () => void; navigate?: (href: string) => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
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
    const found = state.index.search(query) as SearchHit[];
    // The best few of each kind, grouped; arrow keys walk the groups in the order they are shown.
    return SEARCH_KINDS.flatMap((kind) => found.filter((hit) => hit.kind === kind).slice(0, RESULTS_PER_KIND[kind]));
  }, [state, query]);

  const go = (hit: SearchHit) => {
    onClose();
    navigate(hit.href);
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
  else if (hits.length === 0) message = `Nothing mentions “${query.trim()}”. Try a shorter or different word.`;

  return (
    <dialog ref={dialogRef} className="search-dialog" aria-label="Search the site" onClose={onClose} onClick={(event) => event.target === dialogRef.current && onClose()}>
      <div className="search-box">
        <input
          autoFocus
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={hits[active] ? optionId(active) : undefined}
          aria-autocomplete="list"
          aria-label="Search lessons, exercises, questions and scenarios"
          placeholder="Search lessons, exercises, questions…"
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
      <div id={listId} role="listbox" aria-label="Results" className="search-results">
        {SEARCH_KINDS.map((kind) => {
          const group = hits.map((hit, index) => ({ hit, index })).filter(({ hit }) => hit.kind === kind);
          if (group.length === 0) return null;
          return (
            <div key={kind} role="group" aria-labelledby={`${listId}-${kind}`} className="search-group" data-kind={kind}>
              <p id={`${listId}-${kind}`} className="search-group-label" role="presentation">
                {SEARCH_KIND_LABELS[kind]}
              </p>
              {group.map(({ hit, index }) => (
                <div key={hit.id} id={optionId(index)} role="option" aria-selected={index === active} onMouseEnter={() => setActive(index)} onClick={() => go(hit)} className="search-hit">
                  <span className="hit-lesson">{hit.title}</span>
                  {hit.heading !== hit.title && <span className="hit-heading">{hit.heading}</span>}
                  <span className="hit-excerpt">
                    {snippet(hit.text, hit.terms).map((part, at) => (part.marked ? <mark key={at}>{part.text}</mark> : <Fragment key={at}>{part.text}</Fragment>))}
                  </span>
                </div>
              ))}
            </div>
          );
        })}
      </div>
      <p className="search-message" role="status" aria-live="polite">
        {message || `${hits.length} result${hits.length === 1 ? '' : 's'}. Use ↑ ↓ and Enter.`}
      </p>
    </dialog>
  );
}
