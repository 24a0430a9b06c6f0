import { describe, expect, it } from 'vitest';
import {
  countdownMilestone,
  formatClock,
  isAbandoned,
  isOvertime,
  joinPhaseAnswers,
  MOCK_PHASE_IDS,
  MOCK_PHASES,
  MOCK_PRESETS,
  PHASE_GRACE_MS,
  PHASE_SECONDS,
  phaseDeadline,
  secondsLeft,
  spokenDuration,
} from '@/lib/drills/mock-phases';
import { sessionScore, totalsByTopic } from '@/lib/drills/mock-summary';

const start = new Date('2026-11-27T10:00:00Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

describe('mock interview phases', () => {
  it('lists the four phases in interview order, and every preset times each of them within the limits', () => {
    expect(MOCK_PHASES.map((phase) => phase.id)).toEqual([...MOCK_PHASE_IDS]);
    expect(MOCK_PHASE_IDS).toEqual(['clarify', 'high-level', 'deep-dive', 'trade-offs']);
    for (const preset of MOCK_PRESETS) {
      expect(preset.phaseSeconds).toHaveLength(4);
      expect(preset.phaseSeconds.every((seconds) => seconds >= PHASE_SECONDS.min && seconds <= PHASE_SECONDS.max)).toBe(true);
    }
  });

  it('counts down from the server’s start time, so a reload does not reset the clock', () => {
    const deadline = phaseDeadline(start, 120);
    expect(secondsLeft(deadline, at(0))).toBe(120);
    expect(secondsLeft(deadline, at(45.2))).toBe(75);
    expect(secondsLeft(deadline, at(119.5))).toBe(1);
    expect(secondsLeft(deadline, at(500))).toBe(0);
  });

  it('calls a session abandoned only once the automatic submit would have arrived', () => {
    const deadline = phaseDeadline(start, 60);
    expect(isAbandoned(deadline, at(60))).toBe(false);
    expect(isAbandoned(deadline, new Date(deadline.getTime() + PHASE_GRACE_MS))).toBe(false);
    expect(isAbandoned(deadline, new Date(deadline.getTime() + PHASE_GRACE_MS + 1))).toBe(true);
  });

  it('marks a phase overtime only past its limit and the grace', () => {
    expect(isOvertime(61, 60)).toBe(false);
    expect(isOvertime(60 + PHASE_GRACE_MS / 1000 + 1, 60)).toBe(true);
  });

  it('joins the phases’ answers in phase order, skipping blank ones', () => {
    expect(joinPhaseAnswers({ 'trade-offs': 'Last.', clarify: 'First.', 'deep-dive': '   ' })).toBe('First.\n\nLast.');
  });
});

describe('countdown announcements', () => {
  it('announces a long phase four times: start, one minute, fifteen seconds, time up', () => {
    const milestones = new Set(Array.from({ length: 301 }, (_, elapsed) => countdownMilestone(300 - elapsed, 300)));
    expect([...milestones]).toEqual(['start', 'one-minute', 'fifteen-seconds', 'over']);
  });

  it('skips “one minute left” in a phase that is barely longer than a minute', () => {
    const milestones = new Set(Array.from({ length: 61 }, (_, elapsed) => countdownMilestone(60 - elapsed, 60)));
    expect([...milestones]).toEqual(['start', 'fifteen-seconds', 'over']);
  });

  it('formats the clock and the spoken duration', () => {
    expect(formatClock(305)).toBe('5:05');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(formatClock(-4)).toBe('0:00');
    expect(spokenDuration(300)).toBe('5 minutes');
    expect(spokenDuration(90)).toBe('1 minute 30 seconds');
    expect(spokenDuration(15)).toBe('15 seconds');
  });
});

describe('mock summary arithmetic', () => {
  it('totals rubric weight per topic in order of appearance', () => {
    const evidence = [
      { topic: 'b', weight: 3, earned: true },
      { topic: 'a', weight: 2, earned: false },
      { topic: 'b', weight: 1, earned: false },
    ];
    expect(totalsByTopic(evidence)).toEqual([
      { topic: 'b', earned: 3, possible: 4 },
      { topic: 'a', earned: 0, possible: 2 },
    ]);
  });

  it('weights each question’s capped score by its rubric size', () => {
    expect(sessionScore([{ score: 1, possible: 12 }, { score: 0.3, possible: 4 }])).toBeCloseTo((12 + 1.2) / 16);
    expect(sessionScore([])).toBe(0);
  });
});
