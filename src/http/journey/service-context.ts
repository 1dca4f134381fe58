import type { ServiceContext } from '../../services/context.js';
import type { App } from '../types.js';

/** What a service call of this request needs: the database, the configuration and the app's time now. */
export function serviceContext(app: App): ServiceContext {
  return { db: app.deps.database.db, config: app.deps.config, now: app.deps.clock() };
}
