'use client';

import type { RaceReport } from '@/lib/capstone/local-race';
import type { RaceRow, TrackRace } from '@/lib/capstone/race-all';
import { printable } from '@/lib/exercises/run-report';
import { DataTable } from '../data-table';

const formatMs = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(ms < 100 ? 1 : 0)} ms` : '–');
const formatShare = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.001 ? 3 : 2)}%`;

/**
 * The capstone's race table: per track, the learner's balancer and the built-ins on the same
 * traffic, with the track's limits and a pass/fail per row. Text and symbols carry the verdict,
 * not colour alone.
 */
export function RaceResults({ report, busy }: { report: RaceReport | null; busy: boolean }) {
  return (
    <section className="race-results" aria-labelledby="race-heading" aria-busy={busy} data-testid="race-results">
      <h2 id="race-heading">Race results</h2>
      {!report ? (
        <p className="muted">{busy ? 'Racing…' : 'Press Race to run your balancer against round robin, weighted round robin, random, least connections and power of two choices on the three tracks.'}</p>
      ) : !report.ok ? (
        <p className="race-error" role="alert">
          {printable(report.compileError ? `solution.ts does not compile: ${report.compileError.message}` : report.error, 500)}
        </p>
      ) : (
        report.tracks.map((track) => <TrackTable key={track.track} track={track} />)
      )}
    </section>
  );
}

function TrackTable({ track }: { track: TrackRace }) {
  const { limits } = track;
  return (
    <div className="race-track" data-track={track.track}>
      <h3>{track.title}</h3>
      <p className="muted">
        {track.challenge} Limits: p99 ≤ {limits.p99Ms} ms, lost ≤ {formatShare(limits.lostShare)}.{' '}
        <a href={track.labHref} target="_blank" rel="noopener">
          Watch this track in the lab
        </a>
        .
      </p>
      <DataTable label={`${track.title}: results`} className="race-table">
          <caption className="sr-only">
            {track.title}: p99 latency and lost requests per balancer, against the limits
          </caption>
          <thead>
            <tr>
              <th scope="col">Balancer</th>
              <th scope="col">p50</th>
              <th scope="col">p99</th>
              <th scope="col">Lost</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {track.rows.map((row) => (
              <Row key={row.balancer} row={row} p99Limit={limits.p99Ms} />
            ))}
          </tbody>
      </DataTable>
    </div>
  );
}

function Row({ row, p99Limit }: { row: RaceRow; p99Limit: number }) {
  const name = row.balancer === 'yours' ? 'Your balancer' : row.balancer;
  const { result } = row;
  return (
    <tr data-balancer={row.balancer} className={row.balancer === 'yours' ? 'race-yours' : undefined}>
      <th scope="row">{row.balancer === 'yours' ? <strong>{name}</strong> : <code>{name}</code>}</th>
      {result ? (
        <>
          <td>{formatMs(result.p50Ms)}</td>
          <td>
            <span className="race-bar" style={{ inlineSize: `${Math.min(100, (result.p99Ms / (p99Limit * 2)) * 100)}%` }} aria-hidden="true" />
            {formatMs(result.p99Ms)}
          </td>
          <td>
            {result.lost} ({formatShare(result.lostShare)})
          </td>
          <td data-passed={result.passed}>{result.passed ? '✓ within limits' : '✗ over a limit'}</td>
        </>
      ) : (
        <td colSpan={4} className="race-error">
          ✗ {printable(row.error, 500)}
        </td>
      )}
    </tr>
  );
}
