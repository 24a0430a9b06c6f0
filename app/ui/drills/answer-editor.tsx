'use client';

import { useId } from 'react';
import { MAX_ANSWER_CHARS } from '@/lib/drills/limits';
import type { TemplateView } from '@/lib/drills/view';

const grouped = (n: number) => n.toLocaleString('en-US');

/** The characters an answer may still use, and the message once it is over. */
export function lengthStatus(length: number): { text: string; over: boolean } {
  if (length > MAX_ANSWER_CHARS) return { text: `${grouped(length)} / ${grouped(MAX_ANSWER_CHARS)} characters: cut ${grouped(length - MAX_ANSWER_CHARS)} to submit.`, over: true };
  return { text: `${grouped(length)} / ${grouped(MAX_ANSWER_CHARS)} characters`, over: false };
}

interface Props {
  template: TemplateView | null;
  useTemplate: boolean;
  onUseTemplate(value: boolean): void;
  answer: string;
  onAnswer(value: string): void;
  sections: Record<string, string>;
  onSection(id: string, value: string): void;
  length: number;
  disabled: boolean;
}

/** Free text, or the question's template: one box per section with its one-line prompt. */
export function AnswerEditor({ template, useTemplate, onUseTemplate, answer, onAnswer, sections, onSection, length, disabled }: Props) {
  const counterId = useId();
  const status = lengthStatus(length);
  return (
    <div className="answer-editor">
      {template && (
        <label className="template-toggle">
          <input type="checkbox" checked={useTemplate} onChange={(event) => onUseTemplate(event.target.checked)} disabled={disabled} />
          Write it in the template: <strong>{template.title}</strong>
          <span className="muted">{template.summary}</span>
        </label>
      )}
      {template && useTemplate ? (
        <ol className="template-sections">
          {template.sections.map((section) => (
            <li key={section.id}>
              <label htmlFor={`${counterId}-${section.id}`}>{section.title}</label>
              <p className="muted section-prompt" id={`${counterId}-${section.id}-prompt`}>
                {section.prompt}
              </p>
              <textarea
                id={`${counterId}-${section.id}`}
                rows={3}
                value={sections[section.id] ?? ''}
                onChange={(event) => onSection(section.id, event.target.value)}
                aria-describedby={`${counterId}-${section.id}-prompt ${counterId}`}
                disabled={disabled}
              />
            </li>
          ))}
        </ol>
      ) : (
        <>
          <label htmlFor={`${counterId}-answer`}>Your answer</label>
          <textarea
            id={`${counterId}-answer`}
            rows={10}
            value={answer}
            onChange={(event) => onAnswer(event.target.value)}
            aria-describedby={counterId}
            placeholder="Answer in full sentences, as you would say it."
            disabled={disabled}
            data-testid="answer-input"
          />
        </>
      )}
      <p id={counterId} className={status.over ? 'char-count over' : 'char-count muted'}>
        {status.text}
      </p>
    </div>
  );
}
