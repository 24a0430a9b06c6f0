import { Semaphore } from 'async-mutex';
import { describe, expect, it } from 'vitest';
import { atMostAtOnce, CONCURRENT_PASSWORD_HASHES, hashingTurns, passwordHashing } from '@/server/auth/password-hashing';

describe('atMostAtOnce', () => {
  it('runs no more calls at once than the limit, and every call still finishes with its own result', async () => {
    let running = 0;
    let most = 0;
    const slow = atMostAtOnce(new Semaphore(2), async (value: number) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 10));
      running -= 1;
      return value * 10;
    });
    expect(await Promise.all([1, 2, 3, 4, 5, 6, 7].map((value) => slow(value)))).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(most).toBe(2);
  });

  it('passes a failure through and frees its turn', async () => {
    const failing = atMostAtOnce(new Semaphore(1), async (fail: boolean) => {
      if (fail) throw new Error('bad input');
      return 'ok';
    });
    await expect(failing(true)).rejects.toThrow('bad input');
    expect(await failing(false)).toBe('ok');
  });
});

describe('passwordHashing', () => {
  it("is better-auth's scrypt: a hash verifies its password and no other", async () => {
    const hash = await passwordHashing.hash('correct horse battery');
    expect(hash).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
    expect(hash).not.toContain('correct horse');
    expect(await passwordHashing.verify({ hash, password: 'correct horse battery' })).toBe(true);
    expect(await passwordHashing.verify({ hash, password: 'correct horse battery!' })).toBe(false);
  });

  it('hashes at most two passwords at once, so the thread pool keeps room for session checks', async () => {
    expect(CONCURRENT_PASSWORD_HASHES).toBe(2);
    const hashes = [0, 1, 2].map((index) => passwordHashing.hash(`password number ${index}`));
    await Promise.resolve();
    expect(hashingTurns.getValue()).toBe(0);
    const checking = passwordHashing.verify({ hash: await hashes[0]!, password: 'password number 0' });
    expect(hashingTurns.isLocked()).toBe(true);
    expect(await checking).toBe(true);
    await Promise.all(hashes);
    expect(hashingTurns.getValue()).toBe(2);
  });
});
