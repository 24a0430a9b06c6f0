import { describe, expect, it } from 'vitest';
import { countWords, splitSentences, stem, words } from '@/lib/drills/normalize';

describe('stem', () => {
  it.each([
    ['servers', 'server'],
    ['hashing', 'hashed'],
    ['hashes', 'hash'],
    ['routes', 'routing'],
    ['route', 'routed'],
    ['pinned', 'pin'],
    ['proxies', 'proxy'],
    ['cookies', 'cookie'],
    ['caching', 'caches'],
    ['draining', 'drained'],
    ['connections', 'connection'],
    ['latencies', 'latency'],
    ['utilisation', 'utilization'],
    ['optimised', 'optimized'],
    ['using', 'used'],
  ])('gives "%s" and "%s" the same stem', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it.each([
    ['ring', 'rings'],
    ['ping', 'pinging'],
  ])('does not over-strip short words: "%s" ~ "%s"', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it.each([
    ['server', 'service'],
    ['hash', 'hashtag'],
    ['ring', 'string'],
    ['stateless', 'state'],
  ])('keeps "%s" and "%s" apart', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  it('leaves short words, numbers and listed exceptions alone', () => {
    expect(stem('use')).toBe('use');
    expect(stem('dns')).toBe('dns');
    expect(stem('1000')).toBe('1000');
    expect(stem('redis')).toBe('redis');
    expect(stem('https')).toBe('https');
    expect(stem('status')).toBe('status');
  });
});

describe('words', () => {
  it('lower-cases and drops punctuation, accents and apostrophes', () => {
    expect(words('Don’t use the "Café" LB!')).toEqual(['dont', 'use', 'the', 'cafe', 'load', 'balancer']);
  });

  it('reads digit groups, decimals and percentages as numbers', () => {
    expect(words('1,000,000 users at 3.6 s and 50%')).toEqual(['1000000', 'users', 'at', '3.6', 's', 'and', '50', 'percent']);
  });

  it('splits letters from digits so "60s" matches "60 s" and "HTTP/2" matches "http2"', () => {
    expect(words('60s')).toEqual(words('60 s'));
    expect(words('HTTP/2')).toEqual(words('http2'));
    expect(words('X-Forwarded-For')).toEqual(['x', 'forwarded', 'for']);
  });

  it('spells out common abbreviations as whole words only', () => {
    expect(words('SPOF')).toEqual(['single', 'point', 'of', 'failure']);
    expect(words('P2C on k8s')).toEqual(['power', 'of', 'two', 'choices', 'on', 'kubernetes']);
    expect(words('blob')).toEqual(['blob']);
  });

  it('counts words and numbers', () => {
    expect(countWords('Four servers, 1,200 req/s.')).toBe(5);
    expect(countWords('  ')).toBe(0);
  });

});

describe('splitSentences', () => {
  const text = "I'd use least connections. It suits long-lived sockets, e.g. chat!\n- Ping every 2.5 s\n\n1. Drain first? Then stop.";
  const sentences = splitSentences(text);

  it('ends sentences at . ! ? and line breaks, but not at decimals or "e.g."', () => {
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      "I'd use least connections.",
      'It suits long-lived sockets, e.g. chat!',
      'Ping every 2.5 s',
      'Drain first?',
      'Then stop.',
    ]);
  });

  it('keeps offsets into the original text and strips list markers', () => {
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('drops pieces without a word and returns nothing for empty text', () => {
    expect(splitSentences(' \n - \n ... ')).toEqual([]);
    expect(splitSentences('')).toEqual([]);
  });
});
