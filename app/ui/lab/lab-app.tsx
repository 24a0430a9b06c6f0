'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type uPlot from 'uplot';
import type { AlgorithmName } from '@/lib/balancers/types';
import { carryCommands } from '@/lib/lab/carry-commands';
import { SPEEDS, type Speed } from '@/lib/lab/lab-run';
import { encodeLabState, validateLabState, type LabState, type LabStateDraft } from '@/lib/lab/lab-state';
import { LAB_PRESETS } from '@/lib/lab/presets';
import type { Scenario } from '@/lib/sim/scenario';
import { serverName } from '@/lib/sim/server';
import type { FrameStore } from './frame-store';
import { RunTotals, ServerTable } from './metrics-table';
import { AlgorithmField, ScenarioForm } from './scenario-form';
import { SystemPicture } from './system-picture';
import { TimeChart, type ChartSeries } from './time-chart';
import { DroppedCommandsNotice } from './dropped-commands-notice';
import { useLabRun, useRunView } from './use-lab-run';
import './lab.css';

const VARIANT_COLOURS = ['--accent', '--warn'] as const;
const SERVER_COLOURS = Array.from({ length: 8 }, (_, index) => `--series-${index + 1}`);
const STEP_MS = 100;

const speedLabel = (speed: Speed) => (speed === 'max' ? 'As fast as possible' : `${speed}× real time`);

/** The free-form lab: edit a scenario, watch it run in a worker, break servers, compare two algorithms, share the exact run. */
export function LabApp({ initial, presetId }: { initial: LabState; presetId?: string }) {
  const [state, setState] = useState(initial);
  const [preset, setPreset] = useState(presetId ?? '');
  const [errors, setErrors] = useState<string[]>([]);
  const [copied, setCopied] = useState(false);
  const [dropped, setDropped] = useState<string[]>([]);
  const run = useLabRun(state, { autoplay: true });
  const view = useRunView(run.store);
  const shareable = useMemo(() => encodeLabState({ variants: state.variants, commands: run.commands }), [state.variants, run.commands]);

  useEffect(() => {
    window.history.replaceState(window.history.state, '', `/lab?run=${shareable}`);
  }, [shareable]);

  const load = (next: LabStateDraft): boolean => {
    const checked = validateLabState(next);
    if (!checked.ok) {
      setErrors(checked.errors);
      return false;
    }
    setErrors([]);
    setState(checked.state);
    return true;
  };
  /** A settings change keeps the experiment: the commands so far are replayed on the new settings where they still apply. */
  const loadKeepingCommands = (variants: LabStateDraft['variants']) => {
    setPreset('');
    const carried = carryCommands(run.commands, state.variants[0]!.scenario, variants[0]!.scenario);
    if (load({ variants, commands: carried.kept })) setDropped(carried.dropped.map((entry) => entry.reason));
  };
  const updateAll = (change: (scenario: Scenario) => Scenario) => loadKeepingCommands(state.variants.map((variant) => ({ ...variant, scenario: change(variant.scenario) })));
  const setAlgorithm = (index: number, algorithm: AlgorithmName) =>
    loadKeepingCommands(state.variants.map((variant, at) => (at === index ? { label: algorithm, scenario: { ...variant.scenario, algorithm } } : variant)));
  const setCompare = (on: boolean) => {
    const [first] = state.variants;
    if (!first) return;
    const other: AlgorithmName = first.scenario.algorithm === 'least-connections' ? 'round-robin' : 'least-connections';
    loadKeepingCommands(on ? [first, { label: other, scenario: { ...first.scenario, algorithm: other } }] : [first]);
  };
  const choosePreset = (id: string) => {
    const chosen = LAB_PRESETS.find((entry) => entry.id === id);
    setPreset(id);
    setDropped([]);
    if (chosen) load(chosen.state);
  };
  const first = state.variants[0]!;
  const frame = view.frame;
  const playing = view.status === 'playing';
  const chosenPreset = LAB_PRESETS.find((entry) => entry.id === preset);

  return (
    <div className="lab">
      <aside className="lab-controls" aria-label="Scenario">
        <div className="lab-field">
          <label htmlFor="lab-preset">Scenario</label>
          <select id="lab-preset" value={preset} onChange={(event) => choosePreset(event.target.value)}>
            <option value="">Custom</option>
            {LAB_PRESETS.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.title}
              </option>
            ))}
          </select>
        </div>
        {chosenPreset && <p className="lab-hint">{chosenPreset.watchFor}</p>}
        <fieldset>
          <legend>Algorithm</legend>
          <AlgorithmField label={state.variants.length > 1 ? `Left: ${first.label}` : 'Balancer'} value={first.scenario.algorithm} onChange={(name) => setAlgorithm(0, name)} />
          <label className="lab-check">
            <input type="checkbox" checked={state.variants.length > 1} onChange={(event) => setCompare(event.target.checked)} />
            Compare side by side on the same traffic
          </label>
          {state.variants[1] && <AlgorithmField label={`Right: ${state.variants[1].label}`} value={state.variants[1].scenario.algorithm} onChange={(name) => setAlgorithm(1, name)} />}
        </fieldset>
        <ScenarioForm scenario={first.scenario} update={updateAll} />
        <DroppedCommandsNotice reasons={dropped} onDismiss={() => setDropped([])} />
        {errors.length > 0 && (
          <div className="lab-errors" role="alert">
            <p>That change was not applied:</p>
            <ul>
              {errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          </div>
        )}
      </aside>

      <section className="lab-stage" aria-label="Simulation">
        <div className="lab-runbar" role="toolbar" aria-label="Playback">
          <button type="button" className="button primary" onClick={playing ? run.pause : run.play} disabled={view.status === 'done' || view.status === 'starting'}>
            {playing ? 'Pause' : 'Play'}
          </button>
          <button type="button" className="button" onClick={() => run.step(STEP_MS)} disabled={playing || view.status === 'done'}>
            Step {STEP_MS} ms
          </button>
          <label className="lab-inline">
            Speed
            <select value={String(run.speed)} onChange={(event) => run.setSpeed(event.target.value === 'max' ? 'max' : Number(event.target.value))}>
              {SPEEDS.map((speed) => (
                <option key={String(speed)} value={String(speed)}>
                  {speedLabel(speed)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" onClick={run.reload}>
            Restart
          </button>
          <button type="button" className="button" onClick={() => run.command({ kind: 'add-server', spec: first.scenario.servers[first.scenario.servers.length - 1]! })} disabled={view.status === 'done'}>
            Add a server
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              void navigator.clipboard?.writeText(window.location.href).then(() => setCopied(true));
              setTimeout(() => setCopied(false), 2000);
            }}
          >
            {copied ? 'Link copied' : 'Copy link to this run'}
          </button>
          <output className="lab-clock" aria-live="off" data-testid="lab-clock">
            {frame ? `${(frame.nowMs / 1000).toFixed(1)} s simulated` : 'Starting…'}
            {view.status === 'done' && ' · finished'}
          </output>
        </div>
        <p className="sr-only" aria-live="polite">
          {view.status === 'done' ? 'The run has finished.' : view.status === 'paused' ? 'Paused.' : ''}
        </p>
        {view.status === 'error' && (
          <div className="lab-errors" role="alert">
            <p>The simulation stopped: {view.error}</p>
            <button type="button" className="button" onClick={run.reload}>
              Start again
            </button>
          </div>
        )}

        <div className={state.variants.length > 1 ? 'lab-variants compare' : 'lab-variants'}>
          {state.variants.map((variant, index) => (
            <section key={index} className="lab-variant" aria-label={variant.label} data-variant={index}>
              <h2>{variant.label}</h2>
              <SystemPicture store={run.store} variant={index} algorithm={variant.scenario.algorithm} label={variant.label} />
              {frame?.metrics[index] && frame.snapshots[index] ? (
                <>
                  <RunTotals metrics={frame.metrics[index]} label={variant.label} />
                  <ServerTable servers={frame.snapshots[index].servers} metrics={frame.metrics[index]} label={variant.label} onCommand={index === 0 ? run.command : undefined} />
                </>
              ) : (
                <p className="muted">Starting the simulation…</p>
              )}
              {index === 0 && state.variants.length > 1 && <p className="lab-hint muted">Kill, revive and remove act on both sides at the same moment, so the comparison stays fair.</p>}
              <LoadChart store={run.store} variant={index} servers={frame?.snapshots[index]?.servers.length ?? variant.scenario.servers.length} />
            </section>
          ))}
        </div>
        <div className="lab-charts">
          <LatencyChart store={run.store} labels={state.variants.map((variant) => variant.label)} />
          <ErrorChart store={run.store} labels={state.variants.map((variant) => variant.label)} />
        </div>
      </section>
    </div>
  );
}

function LatencyChart({ store, labels: labelList }: { store: FrameStore; labels: string[] }) {
  // Keyed by content: a new array with the same labels must not rebuild the chart.
  const labelsKey = labelList.join('\n');
  const labels = useMemo(() => labelsKey.split('\n'), [labelsKey]);
  const compare = labels.length > 1;
  const series: ChartSeries[] = compare
    ? labels.flatMap((label, index) => [
        { label: `${label} p50`, colour: VARIANT_COLOURS[index]!, dashed: true },
        { label: `${label} p99`, colour: VARIANT_COLOURS[index]! },
      ])
    : [
        { label: 'p50', colour: '--good' },
        { label: 'p95', colour: '--warn' },
        { label: 'p99', colour: '--bad' },
      ];
  const data = useCallback(
    (source: FrameStore): uPlot.AlignedData => {
      const histories = source.history.variants;
      const time = histories[0]?.time ?? [];
      if (!compare) return [time, histories[0]?.p50 ?? [], histories[0]?.p95 ?? [], histories[0]?.p99 ?? []];
      return [time, ...labels.flatMap((_, index) => [histories[index]?.p50.slice(0, time.length) ?? [], histories[index]?.p99.slice(0, time.length) ?? []])];
    },
    [compare, labels],
  );
  return <TimeChart title="Latency percentiles per frame" unit="ms" series={series} store={store} data={data} />;
}

function ErrorChart({ store, labels }: { store: FrameStore; labels: string[] }) {
  const series: ChartSeries[] = labels.map((label, index) => ({ label, colour: VARIANT_COLOURS[index]! }));
  const count = labels.length;
  const data = useCallback(
    (source: FrameStore): uPlot.AlignedData => {
      const histories = source.history.variants;
      const time = histories[0]?.time ?? [];
      return [time, ...Array.from({ length: count }, (_, index) => histories[index]?.errorsPerSecond.slice(0, time.length) ?? [])];
    },
    [count],
  );
  return <TimeChart title="Dropped and failed requests" unit="per second" series={series} store={store} data={data} />;
}

function LoadChart({ store, variant, servers }: { store: FrameStore; variant: number; servers: number }) {
  const series: ChartSeries[] = Array.from({ length: servers }, (_, index) => ({ label: serverName(index), colour: SERVER_COLOURS[index % SERVER_COLOURS.length]! }));
  const data = useCallback(
    (source: FrameStore): uPlot.AlignedData => {
      const history = source.history.variants[variant];
      const time = history?.time ?? [];
      return [time, ...Array.from({ length: servers }, (_, index) => history?.loadByServer[index] ?? new Array<number>(time.length).fill(0))];
    },
    [variant, servers],
  );
  return <TimeChart title="Requests held per server (serving + queued)" unit="requests" series={series} store={store} data={data} />;
}
