import { createSimulation, type Simulation, type Snapshot } from '@/lib/sim/simulator';
import type { MetricsSummary } from '@/lib/sim/metrics';
import type { ValidScenario } from '@/lib/sim/scenario';
import type { LabCommand, TimedCommand } from './lab-state';
import { mergeSnapshots } from './merge-snapshots';

/** A simulation plus the log of what the learner did to it, so a live run and its replay are the same run. */
export interface Replay {
  /** Runs to `untilMs`, applying each logged command at its time. The chart window stays open. */
  advance(untilMs: number): Snapshot;
  /** Closes the chart window at the current time: the snapshot's window covers everything since the last close. */
  closeWindow(): Snapshot;
  /** Applies `command` now and returns it stamped with the simulated time, for the log. */
  apply(command: LabCommand): TimedCommand;
  metrics(): MetricsSummary;
  readonly nowMs: number;
  readonly done: boolean;
}

/**
 * Replays `commands` on a fresh run of `scenario`. A command logged at time T was applied live
 * after every event up to T; stepping to T and then applying it here does the same, so the
 * replay matches the live run request for request.
 */
export function createReplay(scenario: ValidScenario, commands: readonly TimedCommand[] = []): Replay {
  const simulation: Simulation = createSimulation(scenario);
  const keepWindow = { keepWindow: true };
  let nowMs = 0;
  let next = 0;

  return {
    advance(untilMs) {
      const parts: Snapshot[] = [];
      while (next < commands.length && commands[next]!.atMs <= untilMs) {
        const { atMs, command } = commands[next++]!;
        parts.push(simulation.step(atMs, keepWindow));
        simulation.command(command);
      }
      parts.push(simulation.step(untilMs, keepWindow));
      const snapshot = parts.reduce(mergeSnapshots);
      nowMs = snapshot.nowMs;
      return snapshot;
    },
    closeWindow: () => simulation.step(nowMs),
    apply(command) {
      simulation.command(command);
      return { atMs: nowMs, command };
    },
    metrics: () => simulation.metrics(),
    get nowMs() {
      return nowMs;
    },
    get done() {
      return simulation.done;
    },
  };
}
