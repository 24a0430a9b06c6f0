'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { isFromRunner, MIN_RUN_LIMIT_MS, type FromRunner, type ToRunner } from '@/sandbox/runner-protocol';

/** Beyond the frame's own time limit: how long the page waits before it decides the frame itself died. */
const FRAME_GRACE_MS = 5000;
/** How often the page asks a frame that has not answered yet. */
const HELLO_EVERY_MS = 250;
/** How long the sandbox may take to come up before the page says it did not (it keeps asking after). */
export const SANDBOX_PATIENCE_MS = 15_000;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type RunRequest = DistributiveOmit<Exclude<ToRunner, { type: 'hello' }>, 'runId'>;

/** Where the Run sandbox is: coming up, ready for a run, or not up after SANDBOX_PATIENCE_MS. */
export type SandboxState = 'starting' | 'ready' | 'late';

/**
 * The page's side of the Run sandbox: asks the opaque-origin runner iframe until it answers (it
 * may have loaded before this page listened), posts runs to it and hands its messages on,
 * accepting only messages whose source is that iframe's window.
 */
export function useRunner(frame: RefObject<HTMLIFrameElement | null>, onMessage: (message: FromRunner) => void) {
  const [state, setState] = useState<SandboxState>('starting');
  const [attempt, setAttempt] = useState(0);
  const handler = useRef(onMessage);
  const nextRunId = useRef(0);
  const watchdog = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    handler.current = onMessage;
  });
  useEffect(() => () => clearTimeout(watchdog.current), []);

  useEffect(() => {
    const listener = (event: MessageEvent) => {
      if (!frame.current || event.source !== frame.current.contentWindow || !isFromRunner(event.data)) return;
      if (event.data.type === 'ready') setState('ready');
      if (event.data.type !== 'ready' && event.data.type !== 'started' && event.data.type !== 'console') clearTimeout(watchdog.current);
      handler.current(event.data);
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, [frame]);

  const ready = state === 'ready';
  useEffect(() => {
    if (ready) return;
    // The frame's origin is opaque, so there is no origin to name; a hello carries nothing.
    const hello = () => frame.current?.contentWindow?.postMessage({ type: 'hello' } satisfies ToRunner, '*');
    hello();
    const asking = setInterval(hello, HELLO_EVERY_MS);
    const patience = setTimeout(() => setState((current) => (current === 'ready' ? current : 'late')), SANDBOX_PATIENCE_MS);
    return () => {
      clearInterval(asking);
      clearTimeout(patience);
    };
  }, [frame, ready, attempt]);

  const restart = useCallback(() => {
    const element = frame.current;
    element?.setAttribute('src', element.getAttribute('src') ?? '/sandbox/runner');
    setState('starting');
    setAttempt((count) => count + 1);
  }, [frame]);

  /** Starts a run (or the capstone's race) and returns its id; a run still going is cancelled by the frame. */
  const start = useCallback(
    (request: RunRequest): number => {
      const runId = ++nextRunId.current;
      // The message holds only the learner's own code.
      frame.current?.contentWindow?.postMessage({ ...request, runId } satisfies ToRunner, '*');
      // The frame enforces the time limit, but a memory bomb can take down the frame's whole process
      // (its timer with it): then the page reloads the frame and reports the crash itself.
      clearTimeout(watchdog.current);
      watchdog.current = setTimeout(() => {
        restart();
        handler.current({ type: 'crashed', runId, message: 'The sandbox stopped responding (out of memory?) and was restarted.' });
      }, Math.max(MIN_RUN_LIMIT_MS, request.timeLimitMs) + FRAME_GRACE_MS);
      return runId;
    },
    [frame, restart],
  );

  return { ready, state, start, restart };
}
