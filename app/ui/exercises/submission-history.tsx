import type { SubmissionView } from '@/lib/exercises/contract';
import { VERDICT_LABELS } from '@/lib/exercises/labels';

/** The learner's submissions to this exercise, newest first, with the server's verdicts. */
export function SubmissionHistory({ history }: { history: SubmissionView[] }) {
  return (
    <section className="submission-history" aria-labelledby="history-heading">
      <h2 id="history-heading">Your submissions</h2>
      {history.length === 0 ? (
        <p className="muted">None yet. Submit sends your code to the server, which runs the visible and the hidden tests.</p>
      ) : (
        <ol data-testid="submission-history">
          {history.map((row) => (
            <li key={row.id} data-status={row.status}>
              <span className={`verdict verdict-${row.status === 'accepted' ? 'good' : 'bad'}`}>{VERDICT_LABELS[row.status]}</span>{' '}
              <span>
                {row.passed}/{row.total} tests
              </span>{' '}
              <time dateTime={row.createdAt} className="muted">
                {new Date(row.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC
              </time>
              <p className="muted">{row.summary}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
