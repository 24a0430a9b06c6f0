/**
 * Calendar days in the learner's own time zone: a streak or a "due today" that used the
 * server's zone would roll over mid-evening for half the world. Days are ISO strings
 * ("2026-11-27") so they compare, sort and key maps as plain text.
 */

/** A calendar day, "YYYY-MM-DD". */
export type DayKey = string;

export const FALLBACK_TIME_ZONE = 'UTC';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows this IANA time zone name ("Europe/Paris", "UTC"). */
export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

/** The calendar day an instant falls on in a time zone; an unknown zone counts as UTC. */
export function dayKey(instant: Date, timeZone: string): DayKey {
  const zone = isTimeZone(timeZone) ? timeZone : FALLBACK_TIME_ZONE;
  const parts = formatterFor(zone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The day `days` after (or, if negative, before) a day. */
export function addDays(day: DayKey, days: number): DayKey {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
