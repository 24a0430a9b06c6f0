'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { emptyLessonProgress, type LessonProgressView, type ProgressAction, type ProgressSnapshot } from '@/lib/progress/view';
import { api } from '@/app/ui/api-client';

interface ProgressContextValue {
  status: 'loading' | 'ready' | 'error';
  lessons: ProgressSnapshot['lessons'];
  lesson(id: string): LessonProgressView;
  /** Saves one action; resolves with the server's view, or rejects with a message a learner can read. */
  save(lessonId: string, action: ProgressAction): Promise<{ lesson: LessonProgressView; correct?: boolean }>;
}

const ProgressContext = createContext<ProgressContextValue | null>(null);

/** Loads the learner's progress once per page load and shares it with every tick, button and quiz. */
export function ProgressProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<ProgressContextValue['status']>('loading');
  const [lessons, setLessons] = useState<ProgressSnapshot['lessons']>({});
  // Lessons saved on this page are newer than a snapshot that was requested before the save.
  const savedHere = useRef<ProgressSnapshot['lessons']>({});
  // Writes go one at a time, in order: the first creates the learner's cookie that later ones carry,
  // and a slow early answer cannot overwrite the state a later write returned.
  const writeQueue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let cancelled = false;
    void api.progress().then((result) => {
      if (cancelled) return;
      if (!result.ok) return setStatus('error');
      setLessons({ ...result.value.lessons, ...savedHere.current });
      setStatus('ready');
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const send = useCallback<ProgressContextValue['save']>(async (lessonId, action) => {
    const requestId = crypto.randomUUID();
    let lastError = 'Could not reach the server.';
    // Retries reuse the requestId, so a write that landed but whose answer was lost is not applied twice.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const result = await api.saveProgress(lessonId, { ...action, requestId });
      if (result.ok) {
        savedHere.current[lessonId] = result.value.lesson;
        setLessons((current) => ({ ...current, [lessonId]: result.value.lesson }));
        return result.value;
      }
      lastError = result.error;
      if (result.status >= 400 && result.status < 500) break;
      await new Promise((resolve) => setTimeout(resolve, 300 * 2 ** attempt));
    }
    throw new Error(lastError);
  }, []);

  const save = useCallback<ProgressContextValue['save']>(
    (lessonId, action) => {
      const result = writeQueue.current.then(() => send(lessonId, action));
      writeQueue.current = result.catch(() => undefined);
      return result;
    },
    [send],
  );

  const value = useMemo<ProgressContextValue>(
    () => ({ status, lessons, lesson: (id) => lessons[id] ?? emptyLessonProgress(), save }),
    [status, lessons, save],
  );
  return <ProgressContext.Provider value={value}>{children}</ProgressContext.Provider>;
}

export function useProgress(): ProgressContextValue {
  const value = useContext(ProgressContext);
  if (!value) throw new Error('useProgress must be used inside <ProgressProvider>');
  return value;
}
