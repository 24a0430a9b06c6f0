'use client';

import Link from 'next/link';

export default function ProgressError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="page progress-page">
      <div role="alert">
        <h1>Your progress could not load</h1>
        <p>Nothing you did is lost: every lesson, answer and submission is stored as soon as the server accepts it.</p>
        {error.digest && <p className="muted">Reference: {error.digest}</p>}
        <p className="hero-actions">
          <button type="button" className="button primary" onClick={reset}>
            Try again
          </button>
          <Link href="/learn" className="button">
            Back to the course
          </Link>
        </p>
      </div>
    </main>
  );
}
