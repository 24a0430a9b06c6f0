'use client';

import { algorithms, ALGORITHM_NAMES } from '@/lib/balancers/registry';
import type { AlgorithmName } from '@/lib/balancers/types';
import { serverName } from '@/lib/sim/server';
import { ARRIVAL_PATTERNS, COST_DISTRIBUTIONS, type ArrivalSpec, type Scenario } from '@/lib/sim/scenario';
import { NumberField, SelectField } from './number-field';
import { OverloadForm } from './overload-form';

/** Servers the lab draws; the bar is 16 at 60 frames a second, 32 still fits a laptop. */
export const MAX_LAB_SERVERS = 32;

type Update = (change: (scenario: Scenario) => Scenario) => void;

const ALGORITHM_OPTIONS = ALGORITHM_NAMES.map((name) => ({ value: name, label: algorithms[name].label }));
const PATTERN_LABELS: Record<ArrivalSpec['pattern'], string> = { poisson: 'Steady (Poisson)', burst: 'Bursts', spike: 'Spike', ramp: 'Ramp up' };
const COST_LABELS = { constant: 'Constant', exponential: 'Exponential', 'heavy-tailed': 'Heavy-tailed' } as const;
type SessionMode = 'none' | 'server' | 'shared';

/** The algorithm picker of one variant, with the one-line summary of what it does. */
export function AlgorithmField({ label, value, onChange }: { label: string; value: AlgorithmName; onChange(name: AlgorithmName): void }) {
  return (
    <div>
      <SelectField label={label} value={value} options={ALGORITHM_OPTIONS} onChange={onChange} />
      <p className="lab-hint muted">{algorithms[value].summary}</p>
    </div>
  );
}

/**
 * Everything the variants share: servers, traffic, sessions, health checks and the seed. Each
 * change restarts the run, so what is on screen always matches the shareable URL.
 */
export function ScenarioForm({ scenario, update }: { scenario: Scenario; update: Update }) {
  const setServerCount = (count: number) =>
    update((current) => {
      const template = current.servers[current.servers.length - 1] ?? { weight: 1, capacity: 8 };
      const servers = Array.from({ length: count }, (_, index) => current.servers[index] ?? { ...template });
      // Failures naming a server that no longer exists would make the scenario invalid.
      const failures = current.failures?.filter((failure) => failure.server < count);
      return { ...current, servers, ...(failures ? { failures } : {}) };
    });
  const setServer = (index: number, field: 'weight' | 'capacity', value: number) =>
    update((current) => ({ ...current, servers: current.servers.map((server, at) => (at === index ? { ...server, [field]: value } : server)) }));
  const setArrivals = (arrivals: ArrivalSpec) => update((current) => ({ ...current, arrivals }));
  const sessionMode: SessionMode = scenario.sessions?.store ?? 'none';

  return (
    <div className="lab-form">
      <fieldset>
        <legend>Servers</legend>
        <NumberField label="How many" value={scenario.servers.length} min={1} max={MAX_LAB_SERVERS} onCommit={setServerCount} />
        <div className="lab-server-grid" role="group" aria-label="Weight and capacity of each server">
          <span aria-hidden="true" />
          <span className="muted">weight</span>
          <span className="muted">capacity</span>
          {scenario.servers.map((server, index) => (
            <ServerRow key={index} index={index} weight={server.weight} capacity={server.capacity} setServer={setServer} />
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>Traffic</legend>
        <SelectField
          label="Arrival pattern"
          value={scenario.arrivals.pattern}
          options={ARRIVAL_PATTERNS.map((pattern) => ({ value: pattern, label: PATTERN_LABELS[pattern] }))}
          onChange={(pattern) => setArrivals(defaultArrivals(pattern, scenario.arrivals.ratePerSecond))}
        />
        <NumberField label="Rate" unit="requests/s" value={scenario.arrivals.ratePerSecond} min={1} max={20_000} onCommit={(ratePerSecond) => setArrivals({ ...scenario.arrivals, ratePerSecond })} />
        {scenario.arrivals.pattern === 'burst' && (
          <NumberField label="Burst size" value={scenario.arrivals.burstSize} min={1} max={1000} onCommit={(burstSize) => setArrivals({ ...(scenario.arrivals as Extract<ArrivalSpec, { pattern: 'burst' }>), burstSize })} />
        )}
        {scenario.arrivals.pattern === 'spike' && <SpikeFields arrivals={scenario.arrivals} setArrivals={setArrivals} />}
        {scenario.arrivals.pattern === 'ramp' && (
          <NumberField label="Ramp lasts" unit="s" value={scenario.arrivals.rampMs / 1000} min={1} max={600} onCommit={(seconds) => setArrivals({ ...(scenario.arrivals as Extract<ArrivalSpec, { pattern: 'ramp' }>), rampMs: seconds * 1000 })} />
        )}
        <SelectField
          label="Request cost"
          value={scenario.cost.distribution}
          options={COST_DISTRIBUTIONS.map((distribution) => ({ value: distribution, label: COST_LABELS[distribution] }))}
          onChange={(distribution) => update((current) => ({ ...current, cost: { ...current.cost, distribution } }))}
        />
        <NumberField label="Mean cost" unit="ms" value={scenario.cost.meanMs} min={1} max={60_000} onCommit={(meanMs) => update((current) => ({ ...current, cost: { ...current.cost, meanMs } }))} />
        <NumberField
          label="Run for"
          unit="simulated s"
          value={(scenario.durationMs ?? 60_000) / 1000}
          min={1}
          max={3600}
          onCommit={(seconds) => update((current) => ({ ...current, durationMs: seconds * 1000 }))}
        />
      </fieldset>

      <fieldset>
        <legend>Sessions and health</legend>
        <SelectField<SessionMode>
          label="Session state"
          value={sessionMode}
          options={[
            { value: 'none', label: 'Not tracked' },
            { value: 'server', label: 'In each server’s memory' },
            { value: 'shared', label: 'Shared store (Redis)' },
          ]}
          onChange={(mode) =>
            update((current) => (mode === 'none' ? without(current, 'sessions') : { ...current, sessions: { store: mode } }))
          }
        />
        <label className="lab-check">
          <input
            type="checkbox"
            checked={scenario.healthCheck !== undefined}
            onChange={(event) =>
              update((current) => (event.target.checked ? { ...current, healthCheck: { intervalMs: 2000, timeoutMs: 2000, rise: 2, fall: 3 } } : without(current, 'healthCheck')))
            }
          />
          Active health checks (HAProxy defaults)
        </label>
        {scenario.healthCheck && (
          <>
            <NumberField label="Interval" unit="ms" value={scenario.healthCheck.intervalMs} min={100} max={60_000} onCommit={(intervalMs) => update((current) => ({ ...current, healthCheck: { ...current.healthCheck!, intervalMs } }))} />
            <NumberField label="Timeout" unit="ms" value={scenario.healthCheck.timeoutMs} min={10} max={60_000} onCommit={(timeoutMs) => update((current) => ({ ...current, healthCheck: { ...current.healthCheck!, timeoutMs } }))} />
            <NumberField label="Rise (passes to go up)" value={scenario.healthCheck.rise} min={1} max={10} onCommit={(rise) => update((current) => ({ ...current, healthCheck: { ...current.healthCheck!, rise } }))} />
            <NumberField label="Fall (failures to go down)" value={scenario.healthCheck.fall} min={1} max={10} onCommit={(fall) => update((current) => ({ ...current, healthCheck: { ...current.healthCheck!, fall } }))} />
          </>
        )}
      </fieldset>

      <OverloadForm scenario={scenario} update={update} />

      <fieldset>
        <legend>Randomness</legend>
        <NumberField label="Seed" value={scenario.seed} min={0} max={2 ** 31 - 1} onCommit={(seed) => update((current) => ({ ...current, seed }))} />
        <button type="button" className="button small" onClick={() => update((current) => ({ ...current, seed: Math.floor(Math.random() * 2 ** 31) }))}>
          New seed
        </button>
      </fieldset>
    </div>
  );
}

function ServerRow({ index, weight, capacity, setServer }: { index: number; weight: number; capacity: number; setServer(index: number, field: 'weight' | 'capacity', value: number): void }) {
  return (
    <>
      <span>{serverName(index)}</span>
      <NumberField label={`Weight of ${serverName(index)}`} value={weight} min={1} max={100} labelHidden onCommit={(value) => setServer(index, 'weight', value)} />
      <NumberField label={`Capacity of ${serverName(index)}`} value={capacity} min={1} max={1000} labelHidden onCommit={(value) => setServer(index, 'capacity', value)} />
    </>
  );
}

function SpikeFields({ arrivals, setArrivals }: { arrivals: Extract<ArrivalSpec, { pattern: 'spike' }>; setArrivals(arrivals: ArrivalSpec): void }) {
  return (
    <>
      <NumberField label="Spike at" unit="s" value={arrivals.spikeAtMs / 1000} min={0} max={3600} onCommit={(seconds) => setArrivals({ ...arrivals, spikeAtMs: seconds * 1000 })} />
      <NumberField label="Spike lasts" unit="s" value={arrivals.spikeDurationMs / 1000} min={1} max={3600} onCommit={(seconds) => setArrivals({ ...arrivals, spikeDurationMs: seconds * 1000 })} />
      <NumberField label="Spike multiplier" unit="×" value={arrivals.spikeMultiplier} min={1} max={100} onCommit={(spikeMultiplier) => setArrivals({ ...arrivals, spikeMultiplier })} />
    </>
  );
}

/** The scenario without an optional section: absent, not undefined, so the shareable state stays minimal. */
function without(scenario: Scenario, key: 'sessions' | 'healthCheck'): Scenario {
  const copy = { ...scenario };
  delete copy[key];
  return copy;
}

function defaultArrivals(pattern: ArrivalSpec['pattern'], ratePerSecond: number): ArrivalSpec {
  switch (pattern) {
    case 'poisson':
      return { pattern, ratePerSecond };
    case 'burst':
      return { pattern, ratePerSecond, burstSize: 20 };
    case 'spike':
      return { pattern, ratePerSecond, spikeAtMs: 10_000, spikeDurationMs: 10_000, spikeMultiplier: 10 };
    case 'ramp':
      return { pattern, ratePerSecond, fromRatePerSecond: Math.max(1, Math.round(ratePerSecond / 10)), rampMs: 30_000 };
  }
}
