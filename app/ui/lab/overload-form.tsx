'use client';

import type { OverloadSpec, Scenario } from '@/lib/sim/scenario';
import { NumberField, SelectField } from './number-field';

type Update = (change: (scenario: Scenario) => Scenario) => void;
type RetryStyle = 'none' | 'nginx' | 'envoy';

/** `spec` with `key` set, or absent when `value` is undefined, so the shareable state stays minimal. */
function withSetting<K extends keyof OverloadSpec>(spec: OverloadSpec, key: K, value: OverloadSpec[K] | undefined): OverloadSpec {
  const copy = { ...spec };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label className="lab-check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}

/**
 * The knobs of failure under load (lib/sim/overload): timeouts, the balancer's retries and their
 * budget, HAProxy maxconn with its queue timeout, hedging, outlier ejection and slow start. Off,
 * the scenario has no overload section and runs as it always did.
 */
export function OverloadForm({ scenario, update }: { scenario: Scenario; update: Update }) {
  const spec = scenario.overload;
  const set = <K extends keyof OverloadSpec>(key: K, value: OverloadSpec[K] | undefined) =>
    update((current) => ({ ...current, overload: withSetting(current.overload ?? {}, key, value) }));
  const retries = spec?.balancerRetries;
  const style: RetryStyle = retries?.style ?? 'none';
  const setStyle = (next: RetryStyle) =>
    update((current) => {
      const overload = withSetting(current.overload ?? {}, 'balancerRetries', next === 'none' ? undefined : next === 'nginx' ? { style: 'nginx', on: ['error', 'timeout'], tries: 3 } : { style: 'envoy', retryOn: ['5xx'], numRetries: 3 });
      // A retry budget is Envoy's; it goes with Envoy-style retries.
      return { ...current, overload: next === 'envoy' ? overload : withSetting(overload, 'retryBudget', undefined) };
    });

  return (
    <fieldset>
      <legend>Failure under load</legend>
      <Toggle
        label="Model timeouts, retries and shedding"
        checked={spec !== undefined}
        onChange={(on) =>
          update((current) => {
            const copy = { ...current };
            if (on) copy.overload = { requestTimeoutMs: 1_000 };
            else delete copy.overload;
            return copy;
          })
        }
      />
      {spec && (
        <>
          <NumberField label="Client gives up after" unit="ms" value={spec.requestTimeoutMs ?? 0} min={0} max={60_000} onCommit={(ms) => set('requestTimeoutMs', ms || undefined)} />
          <NumberField label="Per-try timeout (0: none)" unit="ms" value={spec.perTryTimeoutMs ?? 0} min={0} max={60_000} onCommit={(ms) => set('perTryTimeoutMs', ms || undefined)} />
          <SelectField<RetryStyle>
            label="Balancer retries"
            value={style}
            options={[
              { value: 'none', label: 'None' },
              { value: 'nginx', label: 'nginx proxy_next_upstream' },
              { value: 'envoy', label: 'Envoy retry policy' },
            ]}
            onChange={setStyle}
          />
          {retries?.style === 'nginx' && <NumberField label="proxy_next_upstream_tries (0: no limit)" value={retries.tries} min={0} max={20} onCommit={(tries) => set('balancerRetries', { ...retries, tries })} />}
          {retries?.style === 'envoy' && (
            <>
              <NumberField label="num_retries" value={retries.numRetries} min={0} max={20} onCommit={(numRetries) => set('balancerRetries', { ...retries, numRetries })} />
              <Toggle label="Retry budget" checked={spec.retryBudget !== undefined} onChange={(on) => set('retryBudget', on ? { budgetPercent: 20, minRetryConcurrency: 3 } : undefined)} />
              {spec.retryBudget && (
                <NumberField label="budget_percent" unit="%" value={spec.retryBudget.budgetPercent} min={0} max={100} onCommit={(budgetPercent) => set('retryBudget', { ...spec.retryBudget!, budgetPercent })} />
              )}
            </>
          )}
          <NumberField label="maxconn per server (0: none)" value={spec.maxConnPerServer ?? 0} min={0} max={1000} onCommit={(count) => set('maxConnPerServer', count || undefined)} />
          {spec.maxConnPerServer !== undefined && (
            <>
              <NumberField label="timeout queue (0: none)" unit="ms" value={spec.queueTimeoutMs ?? 0} min={0} max={60_000} onCommit={(ms) => set('queueTimeoutMs', ms || undefined)} />
              <SelectField<'fifo' | 'lifo'>
                label="Queue order"
                value={spec.queueOrder ?? 'fifo'}
                options={[
                  { value: 'fifo', label: 'Oldest first (FIFO)' },
                  { value: 'lifo', label: 'Newest first (LIFO)' },
                ]}
                onChange={(order) => set('queueOrder', order === 'fifo' ? undefined : order)}
              />
            </>
          )}
          <NumberField label="Hedge after (0: never)" unit="ms" value={spec.hedging?.delayMs ?? 0} min={0} max={60_000} onCommit={(delayMs) => set('hedging', delayMs ? { delayMs } : undefined)} />
          <Toggle
            label="Outlier ejection (5 errors in a row)"
            checked={spec.outlierDetection !== undefined}
            onChange={(on) => set('outlierDetection', on ? { consecutive5xx: 5, intervalMs: 10_000, baseEjectionTimeMs: 30_000, maxEjectionPercent: 100 } : undefined)}
          />
          {spec.outlierDetection && (
            <NumberField label="Panic below (0: never)" unit="% healthy" value={spec.panicThresholdPercent ?? 50} min={0} max={100} onCommit={(percent) => set('panicThresholdPercent', percent === 50 ? undefined : percent)} />
          )}
          <NumberField label="Slow start window (0: off)" unit="s" value={(spec.slowStart?.windowMs ?? 0) / 1000} min={0} max={600} onCommit={(seconds) => set('slowStart', seconds ? { windowMs: seconds * 1000 } : undefined)} />
        </>
      )}
    </fieldset>
  );
}
