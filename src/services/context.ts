import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';

/** What a booking service needs: the database, the rules from the configuration, and the current time. */
export interface ServiceContext {
  db: Kysely<DB>;
  config: Pick<
    Config,
    | 'holdSeconds'
    | 'minLeadMinutes'
    | 'bookingWindowDays'
    | 'maxActivePerPerson'
    | 'releaseDelaySeconds'
    | 'alertClaimMinutes'
    // A freed place of a release is offered to its list: the claim window and the links' secret.
    | 'drawClaimHours'
    | 'sessionSecret'
  > &
    // Absent means no caching: services called outside the HTTP app always read the database.
    Partial<Pick<Config, 'calendarCacheMs' | 'slotsCacheMs'>>;
  now: Date;
}
