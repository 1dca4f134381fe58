import { createHmac } from 'node:crypto';
import { type Challenge, createChallenge, randomInt } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { verify } from 'altcha-lib/frameworks/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { redeemChallenge } from '../repositories/security.js';
import type { Counters } from './counters.js';

/**
 * Self-hosted proof-of-work (ALTCHA): before a hold, the browser spends a moment of CPU finding a
 * counter the server chose at random; a person does not notice, a bot holding thousands of places pays
 * for each one. No third party sees anything. Each solved challenge is good for one hold: its id is
 * redeemed in the database, so a replay (in any process) fails.
 *
 * Expiry is checked by the app's clock, not the library's: ALTCHA compares its own `expiresAt` with the
 * host's time, so the challenge carries none; ours travels in the signed `data` instead.
 */
export interface ProofOfWorkOptions {
  secret: string;
  /** Upper bound of the counter to find at normal load. */
  difficulty: number;
  /** Hold requests per minute (all processes) above which the difficulty rises. */
  surgePerMinute: number;
}

const SURGE_WINDOW_MS = 60_000;
const SURGE_SHARDS = 8;
const CHALLENGE_TTL_MS = 10 * 60_000;
/** The key of our expiry (milliseconds since the epoch) in the challenge's signed `data`. */
const EXPIRES_AT = 'expiresAtMs';

/** The expiry a payload's challenge claims, unverified; undefined when there is none to read. */
function expiryOf(payload: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
    const data = (parsed as { challenge?: { parameters?: { data?: Record<string, unknown> } } })?.challenge
      ?.parameters?.data;
    const value = data?.[EXPIRES_AT];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export class ProofOfWork {
  private readonly signatureSecret: string;
  private readonly keySecret: string;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly counters: Counters,
    private readonly options: ProofOfWorkOptions,
  ) {
    this.signatureSecret = createHmac('sha256', options.secret).update('altcha-signature').digest('hex');
    this.keySecret = createHmac('sha256', options.secret).update('altcha-key').digest('hex');
  }

  /** The current difficulty: ×4 above the surge threshold, ×16 above four times it. */
  async difficulty(now: Date): Promise<number> {
    const load = await this.holdsLastMinute(now);
    const { difficulty, surgePerMinute } = this.options;
    if (load >= 4 * surgePerMinute) return difficulty * 16;
    if (load >= surgePerMinute) return difficulty * 4;
    return difficulty;
  }

  async challenge(now: Date): Promise<Challenge> {
    const max = await this.difficulty(now);
    return createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      counter: randomInt(max, Math.ceil(max / 10)),
      deriveKey,
      data: { [EXPIRES_AT]: now.getTime() + CHALLENGE_TTL_MS },
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySecret,
    });
  }

  /**
   * True when the payload solves one of our challenges, not expired at `now` and never used before (then
   * it is used). The expiry read before verification is only trusted because verification then checks
   * the signature over it: a payload that moves its expiry fails there.
   */
  async redeem(payload: unknown, now: Date): Promise<boolean> {
    if (typeof payload !== 'string' || payload.length === 0 || payload.length > 4000) return false;
    const expiresAt = expiryOf(payload);
    if (expiresAt === undefined || expiresAt <= now.getTime()) return false;
    const store = {
      get: async () => false,
      set: async () => undefined,
      setIfAbsent: (id: string) => redeemChallenge(this.db, id.slice(0, 200), now),
    };
    const result = await verify(payload, deriveKey, this.signatureSecret, this.keySecret, store);
    return result.error === null;
  }

  /** Counts a hold request towards the surge measure (sharded so processes do not queue on one row). */
  async countHoldRequest(now: Date): Promise<void> {
    await this.counters.hit(`surge:${randomInt(SURGE_SHARDS - 1, 0)}`, SURGE_WINDOW_MS, now);
  }

  private async holdsLastMinute(now: Date): Promise<number> {
    let total = 0;
    for (let shard = 0; shard < SURGE_SHARDS; shard++) {
      total += await this.counters.peek(`surge:${shard}`, SURGE_WINDOW_MS, now);
    }
    return total;
  }
}
