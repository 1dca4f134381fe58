import { Type } from 'typebox';
import { isLocale } from '../../../i18n/index.js';
import { HomePage } from '../../../views/pages/home.js';
import { localPath } from '../../local-path.js';
import { sendPage } from '../../page.js';
import type { App } from '../../types.js';

export async function homePages(app: App): Promise<void> {
  app.get('/', async (request, reply) => sendPage(reply, HomePage({ locale: request.locale })));

  app.get(
    '/idioma/:lang',
    {
      schema: {
        hide: true,
        params: Type.Object({ lang: Type.String() }),
        querystring: Type.Object({ volver: Type.Optional(Type.String({ maxLength: 500 })) }),
      },
    },
    async (request, reply) => {
      const { lang } = request.params;
      // Only local paths: the switch must never become an open redirect.
      const target = localPath(request.query.volver) ?? '/';
      if (isLocale(lang)) {
        reply.setCookie('lang', lang, {
          path: '/',
          sameSite: 'lax',
          httpOnly: true,
          secure: app.deps.config.publicUrl.startsWith('https:'),
          maxAge: 31_536_000,
        });
      }
      return reply.redirect(target, 303);
    },
  );
}
