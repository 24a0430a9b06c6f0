'use client';

import type { RefObject } from 'react';
import { MOCK_PHASES, type MockPhase } from '@/lib/drills/mock-phases';
import { MAX_ANSWER_CHARS } from '@/lib/drills/limits';
import type { MockSessionView } from '@/lib/drills/view';
import { lengthStatus } from './answer-editor';

interface Props {
  session: MockSessionView;
  phase: MockPhase;
  text: string;
  onText(value: string): void;
  answerBox: RefObject<HTMLTextAreaElement | null>;
  disabled: boolean;
}

/** What the learner reads and writes in the current phase: its task, the follow-ups in the deep dive, and earlier answers. */
export function MockPhaseBody({ session, phase, text, onText, answerBox, disabled }: Props) {
  const current = session.current!;
  const charsLeft = current.charsLeft - text.length;
  const earlier = MOCK_PHASES.filter((candidate) => current.answers[candidate.id] !== undefined && candidate.id !== phase.id);
  const template = current.question.template;
  return (
    <div className="mock-phase">
      <p className="phase-task">
        <strong>{phase.title}.</strong> {phase.prompt}
      </p>
      {phase.id === 'high-level' && template && (
        <details className="template-hint">
          <summary>A shape that fits: {template.title}</summary>
          <ol>
            {template.sections.map((section) => (
              <li key={section.id}>
                <strong>{section.title}:</strong> {section.prompt}
              </li>
            ))}
          </ol>
        </details>
      )}
      {phase.id === 'deep-dive' && current.followUps && (
        <div className="follow-ups" data-testid="follow-ups">
          <p>The interviewer asks:</p>
          <ol>
            {current.followUps.map((prompt) => (
              <li key={prompt}>{prompt}</li>
            ))}
          </ol>
        </div>
      )}
      <label htmlFor="mock-answer">Your answer: {phase.title.toLowerCase()}</label>
      <textarea
        id="mock-answer"
        ref={answerBox}
        rows={8}
        value={text}
        onChange={(event) => onText(event.target.value)}
        aria-describedby="mock-chars"
        disabled={disabled}
        data-testid="mock-answer"
      />
      <p id="mock-chars" className={charsLeft < 0 ? 'char-count over' : 'char-count muted'}>
        {charsLeft < 0 ? lengthStatus(MAX_ANSWER_CHARS - charsLeft).text : `${charsLeft.toLocaleString('en-US')} characters left for this question`}
      </p>
      {earlier.length > 0 && (
        <details className="earlier-answers">
          <summary>Your earlier answers to this question</summary>
          {earlier.map((candidate) => (
            <div key={candidate.id}>
              <h3>{candidate.title}</h3>
              <p className="pre-line">{current.answers[candidate.id] || <span className="muted">(nothing written)</span>}</p>
            </div>
          ))}
        </details>
      )}
    </div>
  );
}
