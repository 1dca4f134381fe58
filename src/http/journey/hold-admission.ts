import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';
import { LIMITS } from '../../security/limits.js';
import { enforceLimit } from '../plugins/rate-limit.js';
import type { App } from '../types.js';

/**
 * Decides whether a client may try to hold a place. With CAPTCHA on, the API needs a solved
 * proof-of-work; a web form may come without one (no JavaScript), and then takes the stricter path: a
 * wait imposed by the server and a much smaller budget per client address.
 */
export async function admitHold(
  app: App,
  request: FastifyRequest,
  altcha: string | undefined,
  { allowWithoutProof }: { allowWithoutProof: boolean },
): Promise<void> {
  const { config, clock } = app.deps;
  if (!config.captcha) return;
  await app.proofOfWork.countHoldRequest(clock());
  if (altcha) {
    if (!(await app.proofOfWork.redeem(altcha, clock())))
      throw new AppError('CAPTCHA_REQUIRED', 'error.captchaRequired');
    return;
  }
  if (!allowWithoutProof) throw new AppError('CAPTCHA_REQUIRED', 'error.captchaRequired');
  await enforceLimit(app, LIMITS.holdWithoutProof, request.ip);
  if (config.holdWithoutProofDelayMs > 0) await sleep(config.holdWithoutProofDelayMs);
}
