import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { anonymiseApplicants, lockApplicantsPastRetention } from '../../repositories/privacy/applicants.js';

/**
 * The retention rule: applicants whose appointments all ended more than `months` ago (and who have no
 * active appointment) are anonymised, one batch per call. Returns how many.
 */
export async function anonymiseExpiredApplicants(db: Kysely<DB>, now: Date, months: number): Promise<number> {
  return db
    .transaction()
    .execute(async (trx) =>
      anonymiseApplicants(trx, await lockApplicantsPastRetention(trx, now, months), now),
    );
}
