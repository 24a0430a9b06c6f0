'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { isFromRunner, MIN_RUN_LIMIT_MS, type FromRunner, type ToRunner } from '@/sandbox/runner-protocol';

/** Beyond the frame's own time limit: how long the page waits before it decides the frame itself died. */
const FRAME_GRACE_MS = 5000;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The page's side of the Run sandbox: posts runs to the opaque-origin runner iframe and hands its
 * messages on, accepting only messages whose source is that iframe's window.
 */
export function useRunner(frame: RefObject<HTMLIFrameElement | null>, onMessage: (message: FromRunner) => void) {
  const [ready, setReady] = useState(false);
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
      if (event.data.type === 'ready') setReady(true);
      if (event.data.type !== 'ready' && event.data.type !== 'started' && event.data.type !== 'console') clearTimeout(watchdog.current);
      handler.current(event.data);
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, [frame]);

  /** Starts a run (or the capstone's race) and returns its id; a run still going is cancelled by the frame. */
  const start = useCallback(
    (request: DistributiveOmit<ToRunner, 'runId'>): number => {
      const runId = ++nextRunId.current;
      // The frame's origin is opaque, so there is no origin to name; the message holds only the learner's own code.
      frame.current?.contentWindow?.postMessage({ ...request, runId } satisfies ToRunner, '*');
      // The frame enforces the time limit, but a memory bomb can take down the frame's whole process
      // (its timer with it): then the page reloads the frame and reports the crash itself.
      clearTimeout(watchdog.current);
      watchdog.current = setTimeout(() => {
        if (frame.current) frame.current.src = frame.current.src;
        setReady(false);
        handler.current({ type: 'crashed', runId, message: 'The sandbox stopped responding (out of memory?) and was restarted.' });
      }, Math.max(MIN_RUN_LIMIT_MS, request.timeLimitMs) + FRAME_GRACE_MS);
      return runId;
    },
    [frame],
  );

  return { ready, start };
}
