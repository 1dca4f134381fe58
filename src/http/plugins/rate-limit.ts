import { createHash } from 'node:crypto';
import rateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';
import type { Counters } from '../../security/counters.js';
import type { Limit } from '../../security/limits.js';
import type { App } from '../types.js';

declare module 'fastify' {
  interface FastifyInstance {
    counters: Counters;
  }
}

/** Hashes what identifies a client or a person, so counters keep no address or document in clear. */
export function limitKey(limit: Limit, subject: string): string {
  return `${limit.name}:${createHash('sha256').update(subject).digest('base64url').slice(0, 22)}`;
}

/**
 * Registers @fastify/rate-limit over the shared counters (database or Redis), so the limits hold across
 * every app process. Routes opt in with `config: { rateLimit: routeLimit(LIMITS.x) }`.
 * `RATE_LIMIT=off` disables every limit (benchmarks and most tests).
 */
export async function registerRateLimits(app: App, counters: Counters): Promise<void> {
  app.decorate('counters', counters);
  const clock = () => app.deps.clock();
  // Every route's limit carries its own window, so one stateless store serves them all.
  class SharedStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (err: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      counters.hit(key, Number(timeWindow), clock()).then(
        (h) => callback(null, { current: h.count, ttl: h.resetInMs }),
        (err: Error) => callback(err),
      );
    }
    child() {
      return new SharedStore();
    }
  }
  await app.register(rateLimit, {
    global: false,
    store: SharedStore,
    skipOnError: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new AppError('RATE_LIMITED', 'error.rateLimited', { seconds: Math.ceil(context.ttl / 1000) }),
        {
          statusCode: 429,
        },
      ),
  });
}

/** The route option for a limit, keyed by client address (hashed). */
export function routeLimit(app: App, limit: Limit) {
  if (!app.deps.config.rateLimit) return false as const;
  return {
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (request: FastifyRequest) => limitKey(limit, request.ip),
  };
}

/** Counts one more use of a limit by a subject (e.g. a document number) and refuses past the limit. */
export async function enforceLimit(app: App, limit: Limit, subject: string): Promise<void> {
  if (!app.deps.config.rateLimit) return;
  const hit = await app.counters.hit(limitKey(limit, subject), limit.windowMs, app.deps.clock());
  if (hit.count > limit.max) {
    throw Object.assign(
      new AppError('RATE_LIMITED', 'error.rateLimited', { seconds: Math.ceil(hit.resetInMs / 1000) }),
      {
        retryAfterSeconds: Math.ceil(hit.resetInMs / 1000),
      },
    );
  }
}
