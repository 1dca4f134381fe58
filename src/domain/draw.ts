import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The verifiable draw of a release (DESIGN.md §7, decision 011). When the application window opens the
 * release publishes the SHA-256 of a random 32-byte seed; at the close the seed is revealed and the
 * confirmed entries are ordered by HMAC-SHA256(key = seed, message = entry id), ascending hex. Anyone
 * can recompute the order from what is published, and nobody, the authority included, can steer it
 * once the hash is out: the seed is fixed before the first entry arrives.
 */

export const SEED_BYTES = 32;

export function newSeed(): Buffer {
  return randomBytes(SEED_BYTES);
}

/** What the release publishes when its window opens: the seed's SHA-256 over its raw bytes, in hex. */
export function seedHash(seed: Buffer): string {
  return createHash('sha256').update(seed).digest('hex');
}

/** An entry's place in the draw: HMAC-SHA256 under the seed's raw bytes of the entry id's UTF-8 text. */
export function drawKey(seed: Buffer, entryId: string): string {
  return createHmac('sha256', seed).update(entryId, 'utf8').digest('hex');
}

/** The entry ids in draw order. Ties cannot happen in practice; the id breaks one all the same. */
export function drawOrder(seed: Buffer, entryIds: readonly string[]): string[] {
  return entryIds
    .map((id) => ({ id, key: drawKey(seed, id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => e.id);
}

export function isSeedHex(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
