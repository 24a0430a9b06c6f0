'use client';

import { useState } from 'react';
import { useProgress } from './progress-context';

/** Marks the lesson complete (or reopens it). The state is the server's, loaded on every page. */
export function MarkComplete({ lessonId }: { lessonId: string }) {
  const { status, lesson, save } = useProgress();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = lesson(lessonId).completed;

  const toggle = async () => {
    setSaving(true);
    setError(null);
    try {
      await save(lessonId, { action: done ? 'reopen' : 'complete' });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not save.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="lesson-complete" data-done={done} data-testid="lesson-complete">
      <p role="status" style={{ margin: 0, flex: 1 }}>
        {status === 'loading' && 'Loading your progress…'}
        {status === 'error' && <span className="status-error">Your progress could not be loaded; marking still works.</span>}
        {status === 'ready' && (done ? 'You completed this lesson.' : 'Finished reading? Mark the lesson complete to track your progress.')}
      </p>
      <button type="button" className={done ? 'button' : 'button primary'} onClick={toggle} disabled={saving || status === 'loading'} data-testid="mark-complete">
        {saving ? 'Saving…' : done ? 'Mark as not complete' : 'Mark lesson complete'}
      </button>
      {error && (
        <p role="alert" className="status-error" style={{ margin: 0, flexBasis: '100%' }}>
          Not saved: {error}
        </p>
      )}
    </div>
  );
}
