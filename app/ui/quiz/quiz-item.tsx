'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { isCorrect, type QuizResponse } from '@/lib/content/quiz';
import type { QuizQuestion } from '@/lib/content/lesson-schema';
import { useProgress } from '../progress/progress-context';

interface Props {
  lessonId: string;
  question: QuizQuestion;
  number: number;
  previouslyCorrect: boolean | undefined;
}

/** One question: answer, check instantly (same grader as the server), read why, save. */
export function QuizItem({ lessonId, question, number, previouslyCorrect }: Props) {
  const { save } = useProgress();
  const id = useId();
  const [choice, setChoice] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [result, setResult] = useState<boolean | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  // The server puts a wrongly answered question in the review deck as it saves the answer.
  const [savedWrong, setSavedWrong] = useState(false);

  const response: QuizResponse | null = question.kind === 'choice' ? choice : text.trim() ? text : null;

  const check = async (event: FormEvent) => {
    event.preventDefault();
    if (response === null) return;
    setResult(isCorrect(question, response));
    setSaveError(null);
    setSavedWrong(false);
    try {
      const saved = await save(lessonId, { action: 'answer', questionId: question.id, response });
      setSavedWrong(saved.correct === false);
    } catch (failure) {
      setSaveError(failure instanceof Error ? failure.message : 'Could not save.');
    }
  };

  const answered = result !== null;
  return (
    <li className="quiz-item" data-result={answered ? String(result) : undefined} data-testid={`quiz-${question.id}`}>
      <form onSubmit={check} aria-labelledby={`${id}-prompt`}>
        <fieldset>
          <legend id={`${id}-prompt`}>
            <span className="quiz-number">Question {number}</span>
            {question.prompt}
          </legend>
          {question.kind === 'choice' ? (
            <div className="quiz-choices">
              {question.choices.map((label, index) => (
                <label key={label} className="quiz-choice" data-checked={choice === index}>
                  <input type="radio" name={`${id}-choice`} value={index} checked={choice === index} onChange={() => setChoice(index)} />
                  <span>{label}</span>
                </label>
              ))}
            </div>
          ) : (
            <label className="quiz-short">
              <span className="visually-hidden">Your answer</span>
              <input type="text" value={text} maxLength={200} onChange={(event) => setText(event.target.value)} placeholder="Type your answer" autoComplete="off" />
            </label>
          )}
        </fieldset>
        <div className="quiz-actions">
          <button type="submit" className="button small" disabled={response === null}>
            Check answer
          </button>
          {!answered && previouslyCorrect !== undefined && (
            <span className="muted">{previouslyCorrect ? 'You answered this correctly before.' : 'Your last answer was not right. Try again.'}</span>
          )}
        </div>
      </form>
      <div aria-live="polite">
        {answered && (
          <div className="quiz-feedback" data-testid="quiz-feedback">
            <p className="quiz-verdict">{result ? 'Correct.' : 'Not quite.'}</p>
            <p>{question.explanation}</p>
            {savedWrong && (
              <p className="muted" data-testid="quiz-in-review">
                This question is now in your <Link href="/drills/review">review deck</Link>, to come back just before you would forget it.
              </p>
            )}
          </div>
        )}
        {saveError && (
          <p role="alert" className="status-error">
            Your answer was checked but not saved: {saveError}
          </p>
        )}
      </div>
    </li>
  );
}
