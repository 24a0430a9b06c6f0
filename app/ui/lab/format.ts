const counts = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

export const formatCount = (value: number) => counts.format(value);

/** Milliseconds to a readable precision; a dash when nothing was measured. */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

export function formatShare(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '–';
}
