import { describe, expect, it } from 'vitest';
import { createCookieStickiness } from '@/lib/balancers/cookie-stickiness';
import { createRoundRobin } from '@/lib/balancers/round-robin';
import { backendId } from '@/lib/balancers/types';
import { markDown, pool } from './fixtures';

const sticky = (redispatch = false) => createCookieStickiness(createRoundRobin(), { redispatch });

describe('cookie stickiness (HAProxy cookie SERVERID insert indirect, §7.1)', () => {
  it('balances a request without a cookie and sets the cookie to the chosen server', () => {
    expect(sticky().route(pool(1, 1, 1), undefined)).toEqual({ backend: 'a', setCookie: 'a' });
  });

  it('sends every request carrying SERVERID=b to b, and sends no new cookie', () => {
    const balancer = sticky();
    const decisions = [1, 2, 3].map(() => balancer.route(pool(1, 1, 1), 'b'));
    expect(decisions).toEqual([{ backend: 'b' }, { backend: 'b' }, { backend: 'b' }]);
  });

  it('rebalances an unknown cookie value and rewrites the cookie', () => {
    const balancer = sticky();
    balancer.route(pool(1, 1, 1), undefined);
    expect(balancer.route(pool(1, 1, 1), 'zzz')).toEqual({ backend: 'b', setCookie: 'b' });
  });

  it('ignores the cookie of a server marked down by health checks and moves the client', () => {
    const decision = sticky().route(markDown(pool(1, 1, 1), 'b'), 'b');
    expect(decision.backend).not.toBe('b');
    expect(decision.setCookie).toBe(decision.backend);
  });

  it('answers 503 when the pinned server fails to connect and redispatch is off', () => {
    expect(sticky(false).afterConnectFailure(pool(1, 1, 1), backendId('c'))).toEqual({ backend: undefined });
  });

  it('sends the request elsewhere and rewrites the cookie when redispatch is on', () => {
    const decision = sticky(true).afterConnectFailure(pool(1, 1, 1), backendId('a'));
    expect(decision.backend).toBe('b');
    expect(decision.setCookie).toBe('b');
  });
});
