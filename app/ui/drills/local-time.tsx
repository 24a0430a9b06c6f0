'use client';

import { useSyncExternalStore } from 'react';
import { formatWhen } from './format';

const subscribe = () => () => {};

/** A date in the reader's own time zone; the server's render (and a browser without JS) shows UTC. */
export function LocalTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => formatWhen(iso),
    () => formatWhen(iso, 'UTC'),
  );
  return <time dateTime={iso}>{text}</time>;
}
