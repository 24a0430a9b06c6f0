'use client';

import { useCallback, useEffect, useState } from 'react';

/**
 * Text kept in localStorage under `key` as the learner types, so a reload or a crash does not
 * lose an answer. The first render uses `initial` (the server has no localStorage), then the draft.
 */
export function useDraft(key: string, initial = ''): [string, (value: string) => void, () => void] {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    try {
      const stored = window.localStorage.getItem(key);
      // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration
      setValue(stored ?? initial);
    } catch {
      setValue(initial);
    }
  }, [key, initial]);
  const update = useCallback(
    (next: string) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, next);
      } catch {
        // Storage full or disabled: the draft lives in memory only.
      }
    },
    [key],
  );
  const clear = useCallback(() => {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // nothing stored
    }
  }, [key]);
  return [value, update, clear];
}
