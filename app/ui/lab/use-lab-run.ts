'use client';

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Speed } from '@/lib/lab/lab-run';
import type { LabCommand, LabState, TimedCommand } from '@/lib/lab/lab-state';
import type { FromSimWorker, ToSimWorker } from '@/sandbox/sim-protocol';
import { FrameStore } from './frame-store';

export interface LabRunControls {
  store: FrameStore;
  /** Every command of this run with the simulated time of each, replayed ones first: the shareable log. */
  commands: TimedCommand[];
  speed: Speed;
  play(): void;
  pause(): void;
  step(simulatedMs: number): void;
  setSpeed(speed: Speed): void;
  command(command: LabCommand): void;
  /** Runs `state` again from time zero, without the commands applied since. */
  reload(): void;
}

/** One load of a state into the worker; its identity tells live commands of this run from a previous one. */
interface RunKey {
  state: LabState;
  loads: number;
}

/** Drives one simulation worker for the lifetime of the component; a new `state` object starts a new run in it. */
export function useLabRun(state: LabState, { autoplay, speed: initialSpeed = 1 }: { autoplay: boolean; speed?: Speed }): LabRunControls {
  const store = useMemo(() => new FrameStore(), []);
  const worker = useRef<Worker | null>(null);
  const runId = useRef(0);
  const [speed, setSpeedState] = useState<Speed>(initialSpeed);
  const speedForLoads = useRef(initialSpeed);
  const [loads, setLoads] = useState(0);
  const runKey = useMemo<RunKey>(() => ({ state, loads }), [state, loads]);
  const loadedKey = useRef(runKey);
  const [live, setLive] = useState<{ key: RunKey; list: TimedCommand[] }>({ key: runKey, list: [] });

  const post = useCallback((message: ToSimWorker) => worker.current?.postMessage(message), []);

  useEffect(() => {
    const created = new Worker(new URL('../../../sandbox/sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
    worker.current = created;
    created.onmessage = (event: MessageEvent<FromSimWorker>) => {
      const message = event.data;
      if (message.runId !== runId.current) return;
      if (message.type === 'frame') store.receive(message.frame, message.playing);
      else if (message.type === 'command-applied') {
        const key = loadedKey.current;
        setLive((previous) => ({ key, list: previous.key === key ? [...previous.list, message.command] : [message.command] }));
      } else store.fail(message.message);
    };
    created.onerror = (event) => store.fail(event.message || 'the simulation stopped unexpectedly');
    return () => {
      created.terminate();
      worker.current = null;
    };
  }, [store]);

  useEffect(() => {
    runId.current += 1;
    loadedKey.current = runKey;
    store.reset();
    post({ type: 'load', runId: runId.current, state: runKey.state, playing: autoplay, speed: speedForLoads.current });
  }, [runKey, autoplay, post, store]);

  const commands = useMemo(() => (live.key === runKey ? [...state.commands, ...live.list] : state.commands), [live, runKey, state.commands]);

  return {
    store,
    commands,
    speed,
    play: () => post({ type: 'play' }),
    pause: () => post({ type: 'pause' }),
    step: (simulatedMs) => post({ type: 'step', simulatedMs }),
    setSpeed: (next) => {
      speedForLoads.current = next;
      setSpeedState(next);
      post({ type: 'speed', speed: next });
    },
    command: (command) => post({ type: 'command', command }),
    reload: () => setLoads((count) => count + 1),
  };
}

/** The run's throttled view, for components that render numbers rather than draw. */
export function useRunView(store: FrameStore) {
  return useSyncExternalStore(store.subscribe, store.getView, store.getView);
}
