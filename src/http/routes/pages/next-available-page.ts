import { nextAvailable } from '../../../services/reports/next-available.js';
import { NextAvailablePage } from '../../../views/pages/next-available.js';
import { sendPage } from '../../page.js';
import type { App } from '../../types.js';

/** The public, anonymous summary of the first free place per procedure and channel. */
export async function nextAvailablePages(app: App): Promise<void> {
  app.get('/proximas-citas', { schema: { hide: true } }, async (request, reply) => {
    const data = await nextAvailable({
      db: app.deps.database.db,
      config: app.deps.config,
      now: app.deps.clock(),
    });
    reply.header('cache-control', 'public, max-age=60');
    return sendPage(reply, NextAvailablePage({ locale: request.locale, data }));
  });
}
