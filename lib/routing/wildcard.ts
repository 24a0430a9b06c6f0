/** An anchored matcher for AWS ALB wildcards: `*` is zero or more characters, `?` exactly one. */
export function wildcardMatcher(pattern: string, caseSensitive: boolean): (value: string) => boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const regex = new RegExp(`^${source}$`, caseSensitive ? '' : 'i');
  return (value) => regex.test(value);
}
