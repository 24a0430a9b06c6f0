'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '@/app/ui/api-client';

export type SaveState = 'idle' | 'saving' | 'saved' | 'local-only';

const LOCAL_DELAY_MS = 300;
const SERVER_DELAY_MS = 1500;

interface LocalDraft {
  code: string;
  savedAt: string;
}

const storageKey = (exerciseId: string) => `traffic-cop:exercise-draft:${exerciseId}`;

function readLocal(exerciseId: string): LocalDraft | undefined {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey(exerciseId)) ?? 'null') as LocalDraft | null;
    return parsed && typeof parsed.code === 'string' && typeof parsed.savedAt === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The code to open with: the newer of this browser's draft and the server's, else the starter.
 * Only ever put in the editor: saved code is never run on load.
 */
export function restoreDraft(exerciseId: string, server: { code: string; updatedAt: string } | null, starter: string): { code: string; from: 'starter' | 'server' | 'browser' } {
  const local = readLocal(exerciseId);
  if (local && (!server || local.savedAt > server.updatedAt)) return { code: local.code, from: 'browser' };
  if (server) return { code: server.code, from: 'server' };
  return { code: starter, from: 'starter' };
}

/** Saves edits to localStorage at once and to the server debounced; flushes when the page is hidden. */
export function useDraftSaver(exerciseId: string) {
  const [state, setState] = useState<SaveState>('idle');
  const pending = useRef<string | undefined>(undefined);
  const timers = useRef<{ local?: ReturnType<typeof setTimeout>; server?: ReturnType<typeof setTimeout> }>({});

  const sendToServer = useCallback(async () => {
    const code = pending.current;
    if (code === undefined) return;
    pending.current = undefined;
    setState('saving');
    setState((await api.saveDraft(exerciseId, code)).ok ? 'saved' : 'local-only');
  }, [exerciseId]);

  const save = useCallback(
    (code: string) => {
      pending.current = code;
      clearTimeout(timers.current.local);
      clearTimeout(timers.current.server);
      timers.current.local = setTimeout(() => {
        try {
          localStorage.setItem(storageKey(exerciseId), JSON.stringify({ code, savedAt: new Date().toISOString() } satisfies LocalDraft));
        } catch {
          // Storage full or disabled: the server copy still saves.
        }
      }, LOCAL_DELAY_MS);
      timers.current.server = setTimeout(() => void sendToServer(), SERVER_DELAY_MS);
    },
    [exerciseId, sendToServer],
  );

  useEffect(() => {
    const flush = () => {
      if (document.visibilityState === 'hidden' && pending.current !== undefined) void sendToServer();
    };
    const current = timers.current;
    document.addEventListener('visibilitychange', flush);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      clearTimeout(current.local);
      clearTimeout(current.server);
    };
  }, [sendToServer]);

  return { state, save };
}
