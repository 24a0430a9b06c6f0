'use client';

import type { LabCommand } from '@/lib/lab/lab-state';
import type { MetricsSummary } from '@/lib/sim/metrics';
import type { OverloadSummary } from '@/lib/sim/overload/overload-metrics';
import type { ServerSnapshot } from '@/lib/sim/simulator';
import { formatCount, formatMs, formatShare } from './format';
import { DataTable } from '../data-table';

const STATE_LABELS: Record<ServerSnapshot['state'], string> = { up: 'up', down: 'down', starting: 'starting', draining: 'draining', removed: 'removed' };

function serverStatus(server: ServerSnapshot): string {
  const base = STATE_LABELS[server.state];
  if (server.state === 'up' && !server.checkedHealthy) return 'up, not yet healthy';
  if (server.ejected) return `${base}, ejected as an outlier`;
  if (server.state === 'down' && server.checkedHealthy) return 'down, still believed healthy';
  return base;
}

/** The counters of failure under load: how client requests ended, and what the balancer did for them. */
function overloadRows(overload: OverloadSummary): [string, string][] {
  const { overflows } = overload;
  return [
    ['Client requests answered in time (goodput)', `${formatCount(overload.succeeded)} of ${formatCount(overload.requests)}`],
    ['Gave up: timed out / shed (503) / errors', `${formatCount(overload.timedOut)} / ${formatCount(overload.shed)} / ${formatCount(overload.errored)}`],
    ['Tries sent, balancer retries, client retries', `${formatCount(overload.tries)}, ${formatCount(overload.balancerRetries)}, ${formatCount(overload.clientRetries)}`],
    ['Timeouts: per try / request / queue', `${formatCount(overload.tryTimeouts)} / ${formatCount(overload.requestTimeouts)} / ${formatCount(overload.queueTimeouts)}`],
    ['Breaker overflows: connections / pending / requests / retries', `${formatCount(overflows.connections)} / ${formatCount(overflows.pending)} / ${formatCount(overflows.requests)} / ${formatCount(overflows.retries)}`],
    ['Shed by the concurrency limit', formatCount(overload.limited)],
    ['Hedges sent', formatCount(overload.hedges)],
    ['Ejections / panics', `${formatCount(overload.ejections)} / ${formatCount(overload.panics)}`],
    ['Answers nobody waited for (wasted work)', formatCount(overload.wasted)],
  ];
}

/** Totals of one variant, as a definition list screen readers read in order. */
export function RunTotals({ metrics, label }: { metrics: MetricsSummary; label: string }) {
  const rows: [string, string][] = [
    ['Requests measured', formatCount(metrics.arrived)],
    ['Served', formatCount(metrics.served)],
    ['Dropped', formatCount(metrics.dropped)],
    ['Failed in a crash', formatCount(metrics.failed)],
    ['Never reached a balancer', formatCount(metrics.unreachable)],
    ['Sessions lost', formatCount(metrics.sessionsLost)],
    ['Latency p50 / p95 / p99', `${formatMs(metrics.latencyMs.p50)} / ${formatMs(metrics.latencyMs.p95)} / ${formatMs(metrics.latencyMs.p99)}`],
    ['Clients remapped by the last pool change', formatShare(metrics.remappedShare)],
    ...(metrics.overload ? overloadRows(metrics.overload) : []),
  ];
  return (
    <dl className="lab-totals" aria-label={`${label}: totals`}>
      {rows.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd data-metric={name}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Every server's numbers, the same the picture draws. With `onCommand`, each row carries the
 * buttons that break and mend it; in compare mode only the first table has them, and a command
 * applies to both sides.
 */
export function ServerTable({ servers, metrics, label, onCommand }: { servers: ServerSnapshot[]; metrics: MetricsSummary; label: string; onCommand?: (command: LabCommand) => void }) {
  return (
    <DataTable label={`${label}: servers`} className="lab-table">
        <caption className="sr-only">{label}: per-server numbers</caption>
        <thead>
          <tr>
            <th scope="col">Server</th>
            <th scope="col">Status</th>
            <th scope="col">Weight</th>
            <th scope="col">Busy / capacity</th>
            <th scope="col">Queued</th>
            <th scope="col">Open connections</th>
            <th scope="col">Served</th>
            <th scope="col">Utilisation</th>
            {onCommand && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {servers.map((server, index) => (
            <tr key={server.id} data-server={server.id}>
              <th scope="row">{server.id}</th>
              <td data-status={server.state}>{serverStatus(server)}</td>
              {/* Slow start makes a weight fractional while it ramps. */}
              <td>{Number.isInteger(server.weight) ? server.weight : server.weight.toFixed(2)}</td>
              <td>
                {server.inService} / {server.capacity}
              </td>
              <td>{server.queued}</td>
              <td>{server.openConnections}</td>
              <td data-served>{formatCount(server.served)}</td>
              <td>{formatShare(metrics.servers[index]?.utilisation ?? NaN)}</td>
              {onCommand && (
                <td className="lab-actions">
                  {server.state === 'down' ? (
                    <button type="button" className="button small" onClick={() => onCommand({ kind: 'recover', server: index })} aria-label={`Revive server ${server.id}`}>
                      Revive
                    </button>
                  ) : (
                    <button type="button" className="button small" disabled={server.state === 'removed'} onClick={() => onCommand({ kind: 'crash', server: index })} aria-label={`Kill server ${server.id}`}>
                      Kill
                    </button>
                  )}
                  <button
                    type="button"
                    className="button small"
                    disabled={server.state === 'removed' || server.state === 'draining'}
                    onClick={() => onCommand({ kind: 'remove-server', server: index })}
                    aria-label={`Remove server ${server.id} (drains first)`}
                  >
                    Remove
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
    </DataTable>
  );
}
