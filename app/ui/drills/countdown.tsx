'use client';

import { useEffect, useRef, useState } from 'react';
import { countdownMilestone, formatClock, secondsLeft, spokenDuration, type CountdownMilestone } from '@/lib/drills/mock-phases';

interface Props {
  /** The phase's deadline on the server's clock. */
  deadline: string;
  /** How far the server's clock is ahead of this browser's, in ms. */
  clockOffset: number;
  totalSeconds: number;
  phaseTitle: string;
  onExpire(): void;
}

function announcement(milestone: CountdownMilestone, phaseTitle: string, left: number): string {
  if (milestone === 'over') return `Time is up for ${phaseTitle}. Submitting your answer.`;
  if (milestone === 'fifteen-seconds') return '15 seconds left.';
  if (milestone === 'one-minute') return 'One minute left.';
  return `${phaseTitle}: ${spokenDuration(left)}.`;
}

/**
 * A phase's countdown, computed from the server's deadline so a reload shows the true time left.
 * The visible clock is a timer (not announced every second); a polite live region speaks only at
 * the milestones: the start, one minute, fifteen seconds, time up.
 */
export function Countdown({ deadline, clockOffset, totalSeconds, phaseTitle, onExpire }: Props) {
  const leftAt = () => secondsLeft(new Date(deadline), new Date(Date.now() + clockOffset));
  const [left, setLeft] = useState(leftAt);
  const [message, setMessage] = useState('');
  const spoken = useRef<CountdownMilestone | null>(null);
  const expired = useRef(false);

  useEffect(() => {
    const tick = () => setLeft(secondsLeft(new Date(deadline), new Date(Date.now() + clockOffset)));
    tick();
    const timer = window.setInterval(tick, 250);
    return () => window.clearInterval(timer);
  }, [deadline, clockOffset]);

  useEffect(() => {
    const milestone = countdownMilestone(left, totalSeconds);
    if (milestone !== spoken.current) {
      spoken.current = milestone;
      setMessage(announcement(milestone, phaseTitle, left));
    }
    if (left === 0 && !expired.current) {
      expired.current = true;
      onExpire();
    }
  }, [left, totalSeconds, phaseTitle, onExpire]);

  const fraction = totalSeconds > 0 ? left / totalSeconds : 0;
  return (
    <div className="countdown" data-low={left <= 15 ? 'true' : 'false'}>
      <span className="countdown-label" id="countdown-label">
        Time left
      </span>
      <span role="timer" aria-labelledby="countdown-label" className="countdown-clock" data-testid="countdown" data-seconds={left}>
        {formatClock(left)}
      </span>
      <span className="countdown-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(fraction * 100)}%` }} />
      </span>
      <p className="visually-hidden" aria-live="polite" data-testid="countdown-announcement">
        {message}
      </p>
    </div>
  );
}
