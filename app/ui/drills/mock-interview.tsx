'use client';

import { useState } from 'react';
import type { MockSessionView } from '@/lib/drills/view';
import { MockResume } from './mock-resume';
import { MockRunner } from './mock-runner';
import { MockStart } from './mock-start';

type Stage = { kind: 'start' } | { kind: 'resume'; session: MockSessionView } | { kind: 'running'; session: MockSessionView };

function stageFor(session: MockSessionView | null): Stage {
  if (!session) return { kind: 'start' };
  return session.abandoned ? { kind: 'resume', session } : { kind: 'running', session };
}

/** The mock interview page's one piece of state: starting, resuming an abandoned session, or running one. */
export function MockInterview({ active, modules }: { active: MockSessionView | null; modules: { id: string; title: string }[] }) {
  const [stage, setStage] = useState<Stage>(() => stageFor(active));
  const [notice, setNotice] = useState<string | null>(null);
  const discarded = () => {
    setNotice('The interview was discarded.');
    setStage({ kind: 'start' });
  };
  return (
    <>
      <p role="status" className="muted mock-status">
        {notice}
      </p>
      {stage.kind === 'start' && <MockStart modules={modules} onStarted={(session) => setStage(stageFor(session))} />}
      {stage.kind === 'resume' && <MockResume session={stage.session} onResumed={(session) => setStage({ kind: 'running', session })} onDiscarded={discarded} />}
      {stage.kind === 'running' && <MockRunner key={stage.session.id} initial={stage.session} onDiscarded={discarded} />}
    </>
  );
}
