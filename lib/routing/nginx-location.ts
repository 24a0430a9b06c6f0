/** How a `location` line compares its pattern with the URI. '' is a plain prefix. */
export type LocationModifier = '=' | '^~' | '~' | '~*' | '';

export interface NginxLocation {
  modifier: LocationModifier;
  /** A literal prefix or exact URI, or, after ~ and ~*, a regular expression. */
  pattern: string;
  /** Which block this is, for the caller: a label, a target group, an upstream. */
  name: string;
}

/** Why a location won, in the words of the lesson. */
export type LocationReason = 'exact' | 'prefix-stops-regex' | 'regex' | 'longest-prefix';

export interface LocationMatch {
  location: NginxLocation;
  reason: LocationReason;
}

const MODIFIERS = ['^~', '~*', '=', '~'] as const;

/**
 * Reads what follows `location` up to `{`: "= /", "^~ /images/", "~* \.(gif|jpg)$", "/docs/".
 * nginx also takes the modifier glued to the pattern ("=/"); named locations (@name) are never
 * matched against a URI, so they are refused here.
 */
export function parseLocation(text: string, name: string): NginxLocation {
  const parts = text.trim().split(/\s+/);
  if (parts.length === 2) {
    const [modifier, pattern] = parts as [string, string];
    if (!(MODIFIERS as readonly string[]).includes(modifier)) throw new SyntaxError(`unknown location modifier "${modifier}"`);
    return { modifier: modifier as LocationModifier, pattern, name };
  }
  const [only = ''] = parts;
  if (parts.length !== 1 || only === '') throw new SyntaxError(`a location is an optional modifier and one pattern; got "${text}"`);
  if (only.startsWith('@')) throw new SyntaxError(`named location "${only}" is only reached by internal redirects, never by matching`);
  const glued = MODIFIERS.find((modifier) => only.startsWith(modifier) && only.length > modifier.length);
  return glued ? { modifier: glued, pattern: only.slice(glued.length), name } : { modifier: '', pattern: only, name };
}

const isPrefix = (location: NginxLocation) => location.modifier === '' || location.modifier === '^~';
const isRegex = (location: NginxLocation) => location.modifier === '~' || location.modifier === '~*';

/**
 * ~ and ~* compile to JS RegExp, not PCRE. They agree on the usual nginx patterns; they differ on
 * PCRE-only syntax (possessive a++, atomic (?>…), \A \Z \z, a leading (?i), (?P<name>…)), which JS
 * rejects; on `$`, which PCRE also matches before a final newline; and on case folding, which PCRE
 * without UTF mode does for ASCII only while JS `i` folds Unicode.
 */
function compileRegex(location: NginxLocation): RegExp {
  return new RegExp(location.pattern, location.modifier === '~*' ? 'i' : '');
}

/** Configurations nginx would refuse ("duplicate location") and regexes JS cannot compile. */
export function locationProblems(locations: readonly NginxLocation[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const location of locations) {
    // "= /x" and "/x" may live side by side, but "/x" and "^~ /x" are the same prefix twice.
    const key = location.modifier === '=' ? `=${location.pattern}` : isPrefix(location) ? `prefix ${location.pattern}` : undefined;
    if (key !== undefined && seen.has(key)) problems.push(`duplicate location "${location.pattern}"`);
    if (key !== undefined) seen.add(key);
    if (isRegex(location)) {
      try {
        compileRegex(location);
      } catch {
        problems.push(`location ${location.modifier} ${location.pattern}: not a regular expression JS can run`);
      }
    }
  }
  return problems;
}

/**
 * nginx location precedence (lb-algorithms.md §9.2; ngx_http_core_find_location and
 * ngx_http_core_find_static_location in ngx_http_core_module.c):
 * 1. an `=` location equal to the URI wins outright;
 * 2. otherwise remember the longest matching prefix (plain or ^~; prefixes are case-sensitive,
 *    as on Linux), and if it is `^~`, use it without trying any regex;
 * 3. otherwise the first regex, in config order, that matches wins;
 * 4. otherwise the remembered prefix. No match at all gives undefined.
 * The URI is taken as already normalised (percent-decoded, `.`/`..` resolved, slashes merged), as
 * nginx does before the search. Nested locations are not modelled.
 */
export function createLocationMatcher(locations: readonly NginxLocation[]): (uri: string) => LocationMatch | undefined {
  const problems = locationProblems(locations);
  if (problems.length > 0) throw new SyntaxError(problems.join('; '));
  const exact = new Map(locations.filter((location) => location.modifier === '=').map((location) => [location.pattern, location]));
  const prefixes = locations.filter(isPrefix).sort((a, b) => b.pattern.length - a.pattern.length);
  const regexes = locations.filter(isRegex).map((location) => ({ location, regex: compileRegex(location) }));

  return (uri) => {
    const exactMatch = exact.get(uri);
    if (exactMatch) return { location: exactMatch, reason: 'exact' };
    const longest = prefixes.find((location) => uri.startsWith(location.pattern));
    if (longest?.modifier === '^~') return { location: longest, reason: 'prefix-stops-regex' };
    const regexMatch = regexes.find(({ regex }) => regex.test(uri));
    if (regexMatch) return { location: regexMatch.location, reason: 'regex' };
    return longest && { location: longest, reason: 'longest-prefix' };
  };
}

/** The location block nginx would pick for a normalised URI; see createLocationMatcher. */
export function findLocation(locations: readonly NginxLocation[], uri: string): LocationMatch | undefined {
  return createLocationMatcher(locations)(uri);
}
