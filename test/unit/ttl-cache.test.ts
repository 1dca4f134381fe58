import { afterEach, describe, expect, it, vi } from 'vitest';
import { TtlCache } from '../../src/services/availability-cache.js';

let clock = 0;
afterEach(() => {
  vi.restoreAllMocks();
});
function at(ms: number) {
  clock = ms;
}

/** A computation the test resolves by hand, counting its calls. */
function source() {
  const calls: ((v: string) => void)[] = [];
  return {
    calls,
    compute: () =>
      new Promise<string>((resolve) => {
        calls.push(resolve);
      }),
  };
}

describe('TtlCache', () => {
  it('shares one query among concurrent askers, serves it fresh, then stale while refreshing, never past its life', async () => {
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const cache = new TtlCache<string>(1000);
    const s = source();
    at(0);
    const a = cache.get('k', s.compute);
    const b = cache.get('k', s.compute);
    expect(s.calls).toHaveLength(1);
    s.calls[0]?.('v1');
    expect(await a).toBe('v1');
    expect(await b).toBe('v1');

    at(400);
    expect(await cache.get('k', s.compute)).toBe('v1');
    expect(s.calls).toHaveLength(1);

    // second half of its life: the old answer serves while one refresh runs
    at(600);
    expect(await cache.get('k', s.compute)).toBe('v1');
    expect(await cache.get('k', s.compute)).toBe('v1');
    expect(s.calls).toHaveLength(2);
    s.calls[1]?.('v2');
    await Promise.resolve();
    await Promise.resolve();
    at(700);
    expect(await cache.get('k', s.compute)).toBe('v2');

    // past its life an answer is never served: the asker waits for a new query
    at(600 + 1000);
    const late = cache.get('k', s.compute);
    expect(s.calls).toHaveLength(3);
    s.calls[2]?.('v3');
    expect(await late).toBe('v3');
  });

  it('keeps no failure', async () => {
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const cache = new TtlCache<string>(1000);
    at(0);
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', () => Promise.resolve('up'))).toBe('up');
  });

  it('forgets the answers whose keys match, and only those', async () => {
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const cache = new TtlCache<string>(1000);
    at(0);
    expect(await cache.get('2026-12-02 a', () => Promise.resolve('a1'))).toBe('a1');
    expect(await cache.get('2026-12-03 b', () => Promise.resolve('b1'))).toBe('b1');
    cache.forget((key) => key.startsWith('2026-12-02 '));
    expect(await cache.get('2026-12-02 a', () => Promise.resolve('a2'))).toBe('a2');
    expect(await cache.get('2026-12-03 b', () => Promise.resolve('b2'))).toBe('b1');
  });
});
