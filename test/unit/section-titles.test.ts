import { describe, expect, it } from 'vitest';
import { sectionTitles } from '@/lib/content/section-titles';

describe('lesson section titles read from the MDX source', () => {
  it('keeps underscores inside a word, as the compiled heading and its anchor do', () => {
    const titles = sectionTitles('## Retries at the balancer: nginx proxy_next_upstream\n\n### _Why_ it **matters**\n');
    expect(titles.get('retries-at-the-balancer-nginx-proxy_next_upstream')).toBe('Retries at the balancer: nginx proxy_next_upstream');
    expect(titles.get('why-it-matters')).toBe('Why it matters');
  });
});
