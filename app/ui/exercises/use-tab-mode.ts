'use client';

import { useCallback, useSyncExternalStore } from 'react';

const KEY = 'traffic-cop:tab-moves-focus';
const listeners = new Set<() => void>();
// Where storage is refused (some private modes) the choice lasts for this page only.
let unsaved: boolean | undefined;

function read(): boolean {
  if (unsaved !== undefined) return unsaved;
  try {
    return localStorage.getItem(KEY) === 'true';
  } catch {
    return false;
  }
}

/** Whether Tab leaves the code editor (freeCodeCamp's Ctrl+M), remembered in this browser and shared by every editor on the page. */
export function useTabMode(): { movesFocus: boolean; toggle: () => void } {
  const movesFocus = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read,
    () => false,
  );
  const toggle = useCallback(() => {
    const next = !read();
    try {
      localStorage.setItem(KEY, String(next));
    } catch {
      unsaved = next;
    }
    listeners.forEach((listener) => listener());
  }, []);
  return { movesFocus, toggle };
}
