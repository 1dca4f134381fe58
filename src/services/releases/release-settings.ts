import type { Config } from '../../config.js';
import { signLink, verifyLink } from '../../security/signed-link.js';

export interface ReleaseSettings {
  /** DRAW_CLAIM_HOURS: how long a drawn entry has to claim its place. */
  claimHours: number;
  /** HOLD_SECONDS: a claimed place stays held at least this long for the data and confirmation. */
  holdSeconds: number;
  /** Signs the links of release e-mails (SESSION_SECRET). */
  linkSecret: string;
}

export function releaseSettings(
  config: Pick<Config, 'drawClaimHours' | 'holdSeconds' | 'sessionSecret'>,
): ReleaseSettings {
  return {
    claimHours: config.drawClaimHours,
    holdSeconds: config.holdSeconds,
    linkSecret: config.sessionSecret,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const OFFER_ID = /^[1-9]\d{0,14}$/;

/** The entry link's token (confirm, withdraw, see one's place in the draw). */
export function entryToken(settings: Pick<ReleaseSettings, 'linkSecret'>, entryId: string): string {
  return signLink(settings.linkSecret, 'release-entry', entryId);
}

export function entryIdOfToken(
  settings: Pick<ReleaseSettings, 'linkSecret'>,
  token: string,
): string | undefined {
  return verifyLink(settings.linkSecret, 'release-entry', token, UUID);
}

/** The offer link's token (claim or decline the place offered). */
export function offerToken(settings: Pick<ReleaseSettings, 'linkSecret'>, offerId: number): string {
  return signLink(settings.linkSecret, 'release-offer', String(offerId));
}

export function offerIdOfToken(
  settings: Pick<ReleaseSettings, 'linkSecret'>,
  token: string,
): number | undefined {
  const id = verifyLink(settings.linkSecret, 'release-offer', token, OFFER_ID);
  return id === undefined ? undefined : Number(id);
}
