import { describe, expect, it } from 'vitest';
import { createLocationMatcher, findLocation, locationProblems, parseLocation } from '@/lib/routing/nginx-location';

// The configuration of lb-algorithms.md §9.2, in config-file order.
const config = [
  ['= /', 'A'],
  ['/', 'B'],
  ['/documents/', 'C'],
  ['^~ /images/', 'D'],
  ['~* \\.(gif|jpg|jpeg)$', 'E'],
  ['/images/special/', 'F'],
  ['~ ^/api/v[0-9]+/', 'G'],
  ['~ ^/api/', 'H'],
  ['/api/v1/users', 'I'],
  ['^~ /static', 'J'],
  ['/static/css', 'K'],
].map(([text, name]) => parseLocation(text!, name!));
const match = createLocationMatcher(config);

describe('nginx location precedence (lb-algorithms §9.2, observed on nginx 1.31.5)', () => {
  it.each([
    ['/', 'A', 'exact'],
    ['/index.html', 'B', 'longest-prefix'],
    ['/documents/document.html', 'C', 'longest-prefix'],
    ['/images/1.gif', 'D', 'prefix-stops-regex'],
    ['/documents/1.jpg', 'E', 'regex'],
    ['/DOCUMENTS/1.JPG', 'E', 'regex'],
  ])('sends %s to %s (%s)', (uri, name, reason) => {
    expect(match(uri)).toEqual({ location: expect.objectContaining({ name }), reason });
  });
});

describe('nginx location precedence, worked by hand from the same algorithm', () => {
  it.each([
    // ^~ guards only when it is the LONGEST prefix: the plain /images/special/ is longer, so regexes run.
    ['/images/special/a.gif', 'E', 'regex'],
    ['/images/special/a.txt', 'F', 'longest-prefix'],
    ['/images/', 'D', 'prefix-stops-regex'],
    // Regexes are tried in config order: G comes before H.
    ['/api/v2/orders', 'G', 'regex'],
    ['/api/users', 'H', 'regex'],
    // A plain prefix equal to the whole URI is still only a prefix: the regex G beats I.
    ['/api/v1/users', 'G', 'regex'],
    ['/static/css/site.css', 'K', 'longest-prefix'],
    ['/static/css/logo.gif', 'E', 'regex'],
    ['/static/logo.gif', 'J', 'prefix-stops-regex'],
    // Prefixes compare characters, not path segments.
    ['/staticfile.jpg', 'J', 'prefix-stops-regex'],
    ['/documents', 'B', 'longest-prefix'],
    ['/IMAGES/1.gif', 'E', 'regex'],
  ])('sends %s to %s (%s)', (uri, name, reason) => {
    expect(match(uri)).toEqual({ location: expect.objectContaining({ name }), reason });
  });

  it('matches an = location only when the URI is exactly its pattern', () => {
    const locations = [parseLocation('= /login', 'exact'), parseLocation('/login', 'prefix')];
    expect(findLocation(locations, '/login')?.location.name).toBe('exact');
    expect(findLocation(locations, '/login/')?.location.name).toBe('prefix');
  });

  it('matches nothing when no prefix and no regex fits', () => {
    expect(findLocation([parseLocation('/api/', 'api')], '/img')).toBeUndefined();
  });
});

describe('reading and checking location lines', () => {
  it('reads each modifier, spaced or glued to the pattern as nginx allows', () => {
    expect(parseLocation('= /', 'a')).toEqual({ modifier: '=', pattern: '/', name: 'a' });
    expect(parseLocation('=/', 'a')).toEqual({ modifier: '=', pattern: '/', name: 'a' });
    expect(parseLocation('^~ /images/', 'a')).toMatchObject({ modifier: '^~', pattern: '/images/' });
    expect(parseLocation('~*\\.png$', 'a')).toMatchObject({ modifier: '~*', pattern: '\\.png$' });
    expect(parseLocation('~ ^/api/', 'a')).toMatchObject({ modifier: '~', pattern: '^/api/' });
    expect(parseLocation('/docs/', 'a')).toMatchObject({ modifier: '', pattern: '/docs/' });
  });

  it('refuses named locations and unknown modifiers', () => {
    expect(() => parseLocation('@fallback', 'a')).toThrow(SyntaxError);
    expect(() => parseLocation('!~ /x', 'a')).toThrow(SyntaxError);
  });

  it('reports what nginx calls a duplicate location, allowing = and a prefix with the same text', () => {
    expect(locationProblems(config)).toEqual([]);
    expect(locationProblems([parseLocation('/x', 'a'), parseLocation('^~ /x', 'b')])).toEqual(['duplicate location "/x"']);
    expect(locationProblems([parseLocation('= /x', 'a'), parseLocation('= /x', 'b')])).toEqual(['duplicate location "/x"']);
  });

  it('refuses PCRE-only syntax that JS regular expressions cannot run', () => {
    expect(locationProblems([parseLocation('~ ^/a++', 'possessive')])).toHaveLength(1);
    expect(() => createLocationMatcher([parseLocation('~ (?>atomic)', 'a')])).toThrow(SyntaxError);
  });
});
