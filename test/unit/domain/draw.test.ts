import { createHash, createHmac, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { drawKey, drawOrder, newSeed, seedHash } from '../../../src/domain/draw.js';
import { assignPlaces, type FreePlaces } from '../../../src/domain/release.js';

describe('the draw order', () => {
  it('is the entry ids sorted by HMAC-SHA256(seed bytes, entry id) in hex, as anyone can recompute it', () => {
    const seed = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');
    const ids = ['b6c1a0e2-1111-4c1e-8a55-000000000001', 'e2', 'a', 'ñandú'];
    const byHand = ids
      .map((id) => [createHmac('sha256', seed).update(Buffer.from(id, 'utf8')).digest('hex'), id] as const)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, id]) => id);
    expect(drawOrder(seed, ids)).toEqual(byHand);
    expect(drawKey(seed, 'a')).toBe(createHmac('sha256', seed).update('a').digest('hex'));
    expect(seedHash(seed)).toBe(createHash('sha256').update(seed).digest('hex'));
  });

  it('does not depend on the order the entries arrived in', () => {
    const seed = newSeed();
    const ids = Array.from({ length: 50 }, () => randomUUID());
    expect(drawOrder(seed, [...ids].reverse())).toEqual(drawOrder(seed, ids));
  });

  it('gives a script with K identities entered first a share of places within binomial bounds of K/(K+H)', () => {
    // Many draws of one release: 10 places, a script's 20 identities entered first, 60 people after.
    const K = 20;
    const H = 60;
    const PLACES = 10;
    const DRAWS = 2_000;
    const places: FreePlaces[] = [
      { slotId: 1, date: '2026-12-02', startMinute: 480, startsAtMs: 0, free: PLACES },
    ];
    let scriptPlaces = 0;
    const byArrival = new Array<number>(K + H).fill(0);
    for (let draw = 0; draw < DRAWS; draw++) {
      const entries = Array.from({ length: K + H }, (_, i) => ({ id: randomUUID() as string, arrival: i }));
      const arrivalOf = new Map(entries.map((e) => [e.id, e.arrival]));
      const order = drawOrder(
        newSeed(),
        entries.map((e) => e.id),
      );
      const { assigned } = assignPlaces(
        order.map((id) => ({ id, preferences: { dates: null, partOfDay: null } })),
        places,
      );
      for (const a of assigned) {
        const arrival = arrivalOf.get(a.entryId) ?? -1;
        byArrival[arrival] = (byArrival[arrival] ?? 0) + 1;
        if (arrival < K) scriptPlaces += 1;
      }
    }
    const total = DRAWS * PLACES;
    const p = K / (K + H);
    const sigma = Math.sqrt(total * p * (1 - p));
    expect(Math.abs(scriptPlaces - total * p)).toBeLessThan(4 * sigma);
    // Arrival order has no effect: the first third and the last third of arrivals win alike.
    const third = Math.floor((K + H) / 3);
    const first = byArrival.slice(0, third).reduce((s, n) => s + n, 0);
    const last = byArrival.slice(-third).reduce((s, n) => s + n, 0);
    const perThird = (total * third) / (K + H);
    const sigmaThird = Math.sqrt(perThird * (1 - third / (K + H)));
    expect(Math.abs(first - last)).toBeLessThan(4 * Math.SQRT2 * sigmaThird);
  });
});
