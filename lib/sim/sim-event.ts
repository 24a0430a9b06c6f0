import type { CheckRun } from '@/lib/health/active-check';
import type { FlowEvent } from './overload/call-flow';
import type { PoolCommand } from './scenario';
import type { HeldRequest } from './server';

/** Everything the simulator schedules on its clock. */
export type SimEvent =
  | { kind: 'arrival' }
  | { kind: 'completion'; server: number; epoch: number; request: HeldRequest; startedAt: number }
  /** A long-lived connection ends. */
  | { kind: 'close'; server: number; epoch: number; measured: boolean }
  /** A planned failure or change. */
  | { kind: 'command'; command: PoolCommand }
  | { kind: 'check'; server: number }
  | { kind: 'check-done'; server: number; run: CheckRun }
  /** An autoscaled server has booted. */
  | { kind: 'boot'; server: number; epoch: number }
  | { kind: 'scale' }
  /** A draining server's deregistration delay is up. */
  | { kind: 'drain-deadline'; server: number; epoch: number }
  /** Envoy's outlier-detection interval timer (overload model). */
  | { kind: 'outlier-sweep' }
  /** Timeouts, retries and hedges of the overload model. */
  | FlowEvent;

/** The events that tick alongside a run without keeping it going. */
export type BackgroundEvent = Extract<SimEvent, { kind: 'check' | 'check-done' | 'boot' | 'scale' | 'outlier-sweep' | 'drain-deadline' }>;
