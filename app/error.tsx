'use client';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="page">
      <h1>Something went wrong</h1>
      <p>This page failed to load. Your saved progress is not affected.</p>
      {error.digest && <p className="muted">Reference: {error.digest}</p>}
      <button type="button" className="button primary" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
