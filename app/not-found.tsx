import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="page">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved when the course was reorganised.</p>
      <p>
        <Link href="/learn" className="button primary">
          Go to the course outline
        </Link>
      </p>
    </main>
  );
}
