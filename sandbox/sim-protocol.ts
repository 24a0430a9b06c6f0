import type { LabFrame, Speed } from '@/lib/lab/lab-run';
import type { LabCommand, LabState, TimedCommand } from '@/lib/lab/lab-state';

/** Page → simulation worker. A `load` starts a new run; every later message refers to it. */
export type ToSimWorker =
  | { type: 'load'; runId: number; state: LabState; playing: boolean; speed: Speed }
  | { type: 'play' }
  | { type: 'pause' }
  /** Advance by exactly `simulatedMs`, paused or not. */
  | { type: 'step'; simulatedMs: number }
  | { type: 'speed'; speed: Speed }
  | { type: 'command'; command: LabCommand };

/** Simulation worker → page. `runId` lets the page ignore frames of a run it has replaced. */
export type FromSimWorker =
  | { type: 'frame'; runId: number; playing: boolean; frame: LabFrame }
  /** A command took effect at `command.atMs`: the page adds it to the shareable state. */
  | { type: 'command-applied'; runId: number; command: TimedCommand }
  | { type: 'error'; runId: number; message: string };

/** Frames per second the worker streams: enough for smooth charts, few enough that posting costs nothing. */
export const FRAMES_PER_SECOND = 30;
