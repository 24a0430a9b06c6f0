'use client';

import Link from 'next/link';
import { Shortcut, submitOnModEnter } from '../shortcut';
import { useState, type FormEvent } from 'react';
import { joinSections } from '@/lib/drills/answer-text';
import type { AttemptFeedback, QuestionView } from '@/lib/drills/view';
import { AnswerEditor, lengthStatus } from './answer-editor';
import { AttemptFeedbackView } from './attempt-feedback';
import { errorMessage, postDrill } from '@/app/ui/api-client';
import { SelfRatingForm } from './self-rating';
import { useDraft } from './use-draft';

/** Write an answer, get it scored by the server, read the feedback and the model answer, rate yourself. */
export function PracticeForm({ question }: { question: QuestionView }) {
  const [answer, setAnswer, clearAnswer] = useDraft(`tc-practice:${question.id}`);
  const [useTemplate, setUseTemplate] = useState(false);
  const [sections, setSections] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<AttemptFeedback | null>(null);

  const order = question.template?.sections.map((section) => section.id) ?? [];
  const text = useTemplate ? joinSections(sections, order) : answer;
  const status = lengthStatus(text.length);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return setError('Write an answer before submitting.');
    setSubmitting(true);
    setError(null);
    try {
      const body = useTemplate ? { questionId: question.id, sections } : { questionId: question.id, answer };
      setFeedback(await postDrill<AttemptFeedback>('/api/drills/attempts', body));
      clearAnswer();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSubmitting(false);
    }
  };

  const editing = feedback === null;
  return (
    <>
      <form onSubmit={submit} onKeyDown={submitOnModEnter} className="practice-form" aria-label="Your answer">
        <AnswerEditor
          template={question.template}
          useTemplate={useTemplate}
          onUseTemplate={setUseTemplate}
          answer={answer}
          onAnswer={setAnswer}
          sections={sections}
          onSection={(id, value) => setSections((current) => ({ ...current, [id]: value }))}
          length={text.length}
          disabled={!editing || submitting}
        />
        {error && (
          <p role="alert" className="status-error" data-testid="answer-error">
            {error}
          </p>
        )}
        <p className="drill-actions">
          {editing ? (
            <button type="submit" className="button primary" disabled={submitting || status.over} data-testid="submit-answer" aria-keyshortcuts="Control+Enter Meta+Enter">
              {submitting ? 'Scoring…' : 'Score my answer'} <Shortcut keys={['Enter']} />
            </button>
          ) : (
            <button type="button" className="button" onClick={() => setFeedback(null)}>
              Edit and answer again
            </button>
          )}
        </p>
      </form>
      {feedback && (
        <>
          <AttemptFeedbackView feedback={feedback} onChanged={setFeedback} />
          <SelfRatingForm feedback={feedback} onRated={setFeedback} />
          <p className="drill-actions">
            <Link href="/drills/practice?order=weakest" className="button">
              Next question
            </Link>
          </p>
        </>
      )}
    </>
  );
}
