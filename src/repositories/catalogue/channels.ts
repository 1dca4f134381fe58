import type { Kysely, Updateable } from 'kysely';
import type { ChannelsTable, DB } from '../../db/schema.js';

export function selectChannels(db: Kysely<DB>) {
  return db.selectFrom('channels').selectAll().orderBy('sort_order').execute();
}

export function selectChannelForUpdate(db: Kysely<DB>, code: string) {
  return db.selectFrom('channels').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

export function updateChannel(db: Kysely<DB>, code: string, values: Updateable<ChannelsTable>) {
  return db.updateTable('channels').set(values).where('code', '=', code).execute();
}
