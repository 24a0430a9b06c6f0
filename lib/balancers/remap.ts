/** Share of keys (0..1) whose backend differs between two assignments: how much a resize disrupts (lb-algorithms.md §4.3). */
export function shareRemapped(
  before: (key: string) => string | undefined,
  after: (key: string) => string | undefined,
  keys: string[],
): number {
  if (keys.length === 0) return 0;
  const moved = keys.filter((key) => before(key) !== after(key)).length;
  return moved / keys.length;
}
