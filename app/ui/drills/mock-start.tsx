'use client';

import { useState, type FormEvent } from 'react';
import { MOCK_PHASES, MOCK_PRESETS, MOCK_QUESTIONS, PHASE_SECONDS, spokenDuration } from '@/lib/drills/mock-phases';
import type { MockSessionView } from '@/lib/drills/view';
import { api, DrillApiError, errorMessage, postDrill } from '@/app/ui/api-client';

type Length = (typeof MOCK_PRESETS)[number]['id'] | 'custom';

/** Choose how many questions, how long each phase runs and, optionally, one module; then the clock starts. */
export function MockStart({ modules, onStarted }: { modules: { id: string; title: string }[]; onStarted(session: MockSessionView): void }) {
  const [count, setCount] = useState<number>(MOCK_QUESTIONS.default);
  const [length, setLength] = useState<Length>('standard');
  const [custom, setCustom] = useState<number[]>(() => MOCK_PRESETS[0].phaseSeconds.map((seconds) => seconds / 60));
  const [moduleId, setModuleId] = useState('');
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const phaseSeconds = length === 'custom' ? custom.map((minutes) => Math.round(minutes * 60)) : [...MOCK_PRESETS.find((preset) => preset.id === length)!.phaseSeconds];

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setStarting(true);
    setError(null);
    try {
      onStarted(await postDrill<MockSessionView>('/api/drills/mock', { questionCount: count, phaseSeconds, ...(moduleId ? { module: moduleId } : {}) }));
    } catch (failure) {
      // One interview at a time: if another tab started one, carry on with that one.
      const activeId = failure instanceof DrillApiError && failure.status === 409 ? failure.details.sessionId : undefined;
      const active = typeof activeId === 'string' ? await api.mockSession(activeId) : null;
      if (active?.ok) return onStarted(active.value);
      setError(errorMessage(failure));
      setStarting(false);
    }
  };

  return (
    <form className="mock-start" onSubmit={start} aria-labelledby="mock-start-heading">
      <h2 id="mock-start-heading">Start a mock interview</h2>
      <p>Each question runs through four timed phases: {MOCK_PHASES.map((phase) => phase.title.toLowerCase()).join(', ')}. When a phase’s time is up, what you wrote is submitted and the next phase starts. The follow-ups in the deep dive probe what your answer missed.</p>
      <label>
        Questions
        <select value={count} onChange={(event) => setCount(Number(event.target.value))}>
          {Array.from({ length: MOCK_QUESTIONS.max }, (_, index) => index + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="mock-lengths">
        <legend>Time per question</legend>
        {MOCK_PRESETS.map((preset) => (
          <label key={preset.id} className="choice">
            <input type="radio" name="length" value={preset.id} checked={length === preset.id} onChange={() => setLength(preset.id)} />
            {preset.title}: {spokenDuration(preset.phaseSeconds.reduce((sum, seconds) => sum + seconds, 0))} ({preset.phaseSeconds.map((seconds) => seconds / 60).join(' + ')} min)
          </label>
        ))}
        <label className="choice">
          <input type="radio" name="length" value="custom" checked={length === 'custom'} onChange={() => setLength('custom')} />
          Custom
        </label>
        {length === 'custom' && (
          <div className="custom-phases">
            {MOCK_PHASES.map((phase, index) => (
              <label key={phase.id}>
                {phase.title} (minutes)
                <input
                  type="number"
                  min={PHASE_SECONDS.min / 60}
                  max={PHASE_SECONDS.max / 60}
                  step={0.25}
                  value={custom[index]}
                  onChange={(event) => setCustom((current) => current.map((value, at) => (at === index ? Number(event.target.value) : value)))}
                  required
                />
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <label>
        Topics
        <select value={moduleId} onChange={(event) => setModuleId(event.target.value)}>
          <option value="">Mixed, weighted to my weakest</option>
          {modules.map((courseModule) => (
            <option key={courseModule.id} value={courseModule.id}>
              {courseModule.title}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="status-error">
          {error}
        </p>
      )}
      <p className="drill-actions">
        <button type="submit" className="button primary" disabled={starting} data-testid="start-mock">
          {starting ? 'Starting…' : 'Start the clock'}
        </button>
      </p>
    </form>
  );
}
