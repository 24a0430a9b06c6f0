'use client';

import Link from 'next/link';

export default function DrillsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="drills-error">
      <h1>The drills could not load</h1>
      <p>Nothing you saved is lost: answers and reviews are stored as soon as the server accepts them.</p>
      {error.digest && <p className="muted">Reference: {error.digest}</p>}
      <p className="drill-actions">
        <button type="button" className="button primary" onClick={reset}>
          Try again
        </button>
        <Link href="/drills" className="button">
          Back to the overview
        </Link>
      </p>
    </div>
  );
}
