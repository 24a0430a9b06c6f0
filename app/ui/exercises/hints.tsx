'use client';

import { useState } from 'react';

/** Hints revealed one at a time, gentlest first. */
export function Hints({ hints }: { hints: string[] }) {
  const [shown, setShown] = useState(0);
  return (
    <section className="exercise-hints" aria-labelledby="hints-heading">
      <h2 id="hints-heading">Hints</h2>
      {shown > 0 && (
        <ol data-testid="hints">
          {hints.slice(0, shown).map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ol>
      )}
      {shown < hints.length ? (
        <button type="button" className="button" onClick={() => setShown(shown + 1)} data-testid="show-hint">
          {shown === 0 ? `Show a hint (${hints.length} in all)` : `Show hint ${shown + 1} of ${hints.length}`}
        </button>
      ) : (
        <p className="muted">That is every hint.</p>
      )}
    </section>
  );
}
