import { sql } from 'kysely';
import type { App } from '../types.js';

export async function healthRoutes(app: App): Promise<void> {
  app.get('/health/live', { logLevel: 'warn' }, async () => ({ status: 'ok' }));

  app.get('/health/ready', { logLevel: 'warn' }, async (request, reply) => {
    try {
      await sql`SELECT 1`.execute(app.deps.database.db);
      return { status: 'ok', database: app.deps.database.engine };
    } catch (err) {
      request.log.warn({ err }, 'database not ready');
      return reply.code(503).send({ status: 'unavailable', database: app.deps.database.engine });
    }
  });
}
