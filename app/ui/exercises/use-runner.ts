'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { isFromRunner, type FromRunner, type ToRunner } from '@/sandbox/runner-protocol';

/**
 * The page's side of the Run sandbox: posts runs to the opaque-origin runner iframe and hands its
 * messages on, accepting only messages whose source is that iframe's window.
 */
export function useRunner(frame: RefObject<HTMLIFrameElement | null>, onMessage: (message: FromRunner) => void) {
  const [ready, setReady] = useState(false);
  const handler = useRef(onMessage);
  const nextRunId = useRef(0);
  useEffect(() => {
    handler.current = onMessage;
  });

  useEffect(() => {
    const listener = (event: MessageEvent) => {
      if (!frame.current || event.source !== frame.current.contentWindow || !isFromRunner(event.data)) return;
      if (event.data.type === 'ready') setReady(true);
      handler.current(event.data);
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, [frame]);

  /** Starts a run and returns its id; a run still going is cancelled by the frame. */
  const run = useCallback(
    (request: Omit<ToRunner, 'type' | 'runId'>): number => {
      const runId = ++nextRunId.current;
      // The frame's origin is opaque, so there is no origin to name; the message holds only the learner's own code.
      frame.current?.contentWindow?.postMessage({ type: 'run', runId, ...request } satisfies ToRunner, '*');
      return runId;
    },
    [frame],
  );

  return { ready, run };
}
