'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import type { AttemptFeedback, ScoreView } from '@/lib/drills/view';
import { percent } from './format';
import { MisconceptionList } from './misconception-list';
import { PointList } from './point-list';
import { RichText } from './rich-text';

/** "You covered 3 of 7 points: 44% of the rubric's weight", with the keyword-list cap when it applied. */
export function ScoreLine({ score }: { score: ScoreView }) {
  const covered = score.points.filter((point) => point.covered).length;
  return (
    <>
      <p className="score-line" data-testid="score-line">
        <strong className="score">{percent(score.score)}</strong> You covered {covered} of {score.points.length} points ({score.earned} of {score.possible} rubric weight
        {score.penalty > 0 && `, less ${score.penalty} for ${score.misconceptions.length === 1 ? 'the misconception' : 'the misconceptions'} below`}).
      </p>
      {score.rubricChanged && (
        <p className="notice" data-testid="rubric-changed">
          This answer was scored against an earlier version of the question&apos;s rubric. This is the feedback you were given then.
        </p>
      )}
      {score.cap && (
        <p className="notice warn">
          This reads as a list of keywords rather than an explanation, so the score is held at {percent(score.cap.limit)}. Say why, in sentences.
        </p>
      )}
    </>
  );
}

/** The feedback on a practice answer: misconceptions, points covered and missed, then the model answer. Takes focus when it appears. */
export function AttemptFeedbackView({ feedback, onChanged }: { feedback: AttemptFeedback; onChanged: (feedback: AttemptFeedback) => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [feedback.attemptId]);
  return (
    <section className="attempt-feedback" aria-labelledby="feedback-heading" data-testid="attempt-feedback">
      <h2 id="feedback-heading" ref={heading} tabIndex={-1}>
        Feedback
      </h2>
      <ScoreLine score={feedback} />
      <MisconceptionList misconceptions={feedback.misconceptions} />
      <PointList points={feedback.points} disputing={{ attemptId: feedback.attemptId, onChanged }} />
      {feedback.cardsAdded > 0 && (
        <p className="notice">
          {feedback.cardsAdded} review card{feedback.cardsAdded === 1 ? '' : 's'} added for {feedback.misconceptions.length > 0 ? 'what to correct and ' : ''}the points you missed. <Link href="/drills/review">Review them</Link>
        </p>
      )}
      <section className="model-answer" aria-labelledby="model-answer-heading" data-testid="model-answer">
        <h3 id="model-answer-heading">Model answer</h3>
        <RichText text={feedback.modelAnswer} />
      </section>
    </section>
  );
}
