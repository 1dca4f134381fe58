import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Type } from 'typebox';
import type { App } from '../types.js';

/**
 * The ALTCHA widget, served by this app from the installed `altcha` package (no third party sees the
 * page). The "external" build keeps styles and workers out of the script, so the strict CSP holds: its
 * stylesheet and the SHA worker are files of their own. Only these names are served.
 */
const dist = join(dirname(createRequire(import.meta.url).resolve('altcha/external')), '..');
const FILES: Readonly<Record<string, { path: string; type: string }>> = {
  'altcha.js': { path: join(dist, 'external/altcha.min.js'), type: 'text/javascript; charset=utf-8' },
  'altcha.css': { path: join(dist, 'external/altcha.css'), type: 'text/css; charset=utf-8' },
  'sha.js': { path: join(dist, 'workers/sha.js'), type: 'text/javascript; charset=utf-8' },
  'es.js': { path: join(dist, 'i18n/es-419.js'), type: 'text/javascript; charset=utf-8' },
};

export async function altchaAssets(app: App): Promise<void> {
  const cache = new Map<string, Buffer>();
  app.get(
    '/assets/altcha/:file',
    { schema: { hide: true, params: Type.Object({ file: Type.String({ maxLength: 40 }) }) } },
    async (request, reply) => {
      const file = FILES[request.params.file];
      if (!file) return reply.callNotFound();
      let body = cache.get(file.path);
      if (!body) {
        body = await readFile(file.path);
        cache.set(file.path, body);
      }
      const production = app.deps.config.nodeEnv === 'production';
      return reply
        .header('cache-control', production ? 'public, max-age=604800' : 'no-cache')
        .type(file.type)
        .send(body);
    },
  );
}
