import { pingDatabase } from '../../repositories/health.js';
import { RETRY_AFTER_SECONDS } from '../plugins/errors.js';
import type { App } from '../types.js';

export async function healthRoutes(app: App): Promise<void> {
  app.get('/health/live', { logLevel: 'warn' }, async () => ({ status: 'ok' }));

  // Asks the database every time, so it turns 503 the moment the database is out of reach and 200 as
  // soon as a new connection can be opened again, with no restart in between.
  app.get('/health/ready', { logLevel: 'warn' }, async (request, reply) => {
    try {
      await pingDatabase(app.deps.database.db);
      return { status: 'ok', database: app.deps.database.engine };
    } catch (err) {
      request.log.warn({ err }, 'database not ready');
      return reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send({ status: 'unavailable', database: app.deps.database.engine });
    }
  });
}
