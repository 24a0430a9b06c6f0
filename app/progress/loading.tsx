export default function ProgressLoading() {
  return (
    <main id="main" className="page progress-page" aria-busy="true">
      <h1>How ready are you</h1>
      <p role="status" className="muted">
        Gathering your lessons, quizzes, exercises, drills and reviews…
      </p>
    </main>
  );
}
