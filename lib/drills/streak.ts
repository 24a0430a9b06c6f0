import { addDays, type DayKey } from './calendar';

export interface Streak {
  /** Consecutive days of practice ending today, or ending yesterday if today has none yet. */
  current: number;
  /** Longest run of consecutive days among the days given. */
  longest: number;
  practisedToday: boolean;
}

/**
 * The practice streak from the days a learner practised. A streak survives until a whole day
 * passes without practice, so at breakfast yesterday's streak still counts (Duolingo's rule).
 */
export function streakOf(days: Iterable<DayKey>, today: DayKey): Streak {
  const practised = new Set(days);
  const practisedToday = practised.has(today);
  let current = 0;
  for (let day = practisedToday ? today : addDays(today, -1); practised.has(day); day = addDays(day, -1)) current += 1;

  let longest = 0;
  for (const day of practised) {
    if (practised.has(addDays(day, -1))) continue;
    let run = 1;
    while (practised.has(addDays(day, run))) run += 1;
    longest = Math.max(longest, run);
  }
  return { current, longest, practisedToday };
}
