import type { SweepPoint } from '@/lib/queueing/utilisation-sweep';
import { formatMs } from '../format';

const COLUMNS = ['Offered', 'Busy', 'p50', 'p99', 'M/M/c p50', 'M/M/c p99'];

/** Every figure of the sweep as a table: what the chart shows, for screen readers and for reading exact values. */
export function SweepTable({ utilisations, points }: { utilisations: readonly number[]; points: readonly (SweepPoint | undefined)[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="group" aria-label="Sweep figures (scrolls sideways on small screens)">
      <table className="lab-table sweep-table">
        <caption>Simulated latency beside M/M/c, per offered load</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {utilisations.map((utilisation, index) => {
            const point = points[index];
            return (
              <tr key={utilisation}>
                <th scope="row">{(100 * utilisation).toFixed(0)}%</th>
                {point ? (
                  <>
                    <td>{(100 * point.measuredUtilisation).toFixed(1)}%</td>
                    <td>{formatMs(point.p50Ms)}</td>
                    <td>{formatMs(point.p99Ms)}</td>
                    <td>{formatMs(point.theory.p50Ms)}</td>
                    <td>{formatMs(point.theory.p99Ms)}</td>
                  </>
                ) : (
                  <td colSpan={5} className="muted">
                    running…
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
