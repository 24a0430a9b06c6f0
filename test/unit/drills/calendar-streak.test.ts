import { describe, expect, it } from 'vitest';
import { addDays, dayKey, isTimeZone } from '@/lib/drills/calendar';
import { streakOf } from '@/lib/drills/streak';

describe('dayKey', () => {
  it('puts one instant on different days in different time zones', () => {
    const lateEvening = new Date('2026-11-27T23:30:00Z');
    expect(dayKey(lateEvening, 'UTC')).toBe('2026-11-27');
    expect(dayKey(lateEvening, 'Europe/Paris')).toBe('2026-11-28');
    expect(dayKey(lateEvening, 'America/Los_Angeles')).toBe('2026-11-27');
  });

  it('counts an unknown time zone as UTC', () => {
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(dayKey(new Date('2026-11-27T23:30:00Z'), 'Mars/Olympus_Mons')).toBe('2026-11-27');
  });

  it('steps across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('streakOf', () => {
  const today = '2026-11-27';

  it('counts consecutive days ending today', () => {
    expect(streakOf(['2026-11-25', '2026-11-26', '2026-11-27'], today)).toEqual({ current: 3, longest: 3, practisedToday: true });
  });

  it('keeps yesterday’s streak alive until today is over', () => {
    expect(streakOf(['2026-11-25', '2026-11-26'], today)).toMatchObject({ current: 2, practisedToday: false });
  });

  it('breaks after a whole day without practice, but remembers the longest run', () => {
    const days = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-25'];
    expect(streakOf(days, today)).toEqual({ current: 0, longest: 4, practisedToday: false });
  });

  it('counts a day practised many times once', () => {
    expect(streakOf(['2026-11-27', '2026-11-27', '2026-11-27'], today).current).toBe(1);
  });

  it('is zero for a learner who never practised', () => {
    expect(streakOf([], today)).toEqual({ current: 0, longest: 0, practisedToday: false });
  });
});
