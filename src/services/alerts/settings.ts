import type { Config } from '../../config.js';

export interface AlertSettings {
  /** How long a subscriber has to claim an offered place. */
  claimMinutes: number;
  /** A place is offered only if, after the claim window, it can still be booked (MIN_LEAD_MINUTES). */
  minLeadMinutes: number;
  /** How long a claimed place stays held for the person to give their data (HOLD_SECONDS). */
  holdSeconds: number;
}

export function alertSettings(
  config: Pick<Config, 'alertClaimMinutes' | 'minLeadMinutes' | 'holdSeconds'>,
): AlertSettings {
  return {
    claimMinutes: config.alertClaimMinutes,
    minLeadMinutes: config.minLeadMinutes,
    holdSeconds: config.holdSeconds,
  };
}
