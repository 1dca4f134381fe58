import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import { type Clock, systemClock } from '../clock.js';
import { type Counters, DatabaseCounters, RedisCounters } from '../security/counters.js';
import { ProofOfWork } from '../security/proof-of-work.js';
import { useAuditKey } from '../services/audit/audit-key.js';
import { registerAuth } from './plugins/auth.js';
import { registerCsrf } from './plugins/csrf.js';
import { frameworkErrors, registerErrorHandling } from './plugins/errors.js';
import { registerLocale } from './plugins/locale.js';
import { registerMetrics } from './plugins/metrics.js';
import { registerRateLimits } from './plugins/rate-limit.js';
import { registerSecurityHeaders } from './plugins/security.js';
import { registerSiteTexts } from './plugins/site-text-loader.js';
import { registerInputGuard, validatorCompiler } from './plugins/validation.js';
import { lazyRequestLogger } from './request-logger.js';
import { adminPages } from './routes/admin/index.js';
import { altchaAssets } from './routes/altcha-assets.js';
import { alertsApi } from './routes/api/alert-subscriptions.js';
import { bookingApi } from './routes/api/booking-api.js';
import { catalogueApi } from './routes/api/catalogue.js';
import { nextAvailableApi } from './routes/api/next-available-places.js';
import { releasesApi } from './routes/api/releases.js';
import { devMailboxRoutes } from './routes/dev-mailbox.js';
import { healthRoutes } from './routes/health.js';
import { alertPages } from './routes/pages/alert-pages.js';
import { bookingHoldPages } from './routes/pages/booking/hold-pages.js';
import { bookingSearchPages } from './routes/pages/booking/search-pages.js';
import { homePages } from './routes/pages/home.js';
import { managePages } from './routes/pages/manage.js';
import { nextAvailablePages } from './routes/pages/next-available-page.js';
import { privacyPages } from './routes/pages/privacy.js';
import { rebookPages } from './routes/pages/rebook.js';
import { releasePages } from './routes/pages/releases/release-pages.js';
import { sitePages } from './routes/pages/site.js';
import type { App, AppDeps } from './types.js';

const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface BuildOptions extends Omit<AppDeps, 'clock'> {
  clock?: Clock;
  logger?: FastifyBaseLogger;
}

/**
 * Builds the whole application, ready to listen or to take `inject` calls. It opens nothing: the
 * database comes in, so tests and the server build the very same app.
 */
export async function buildApp({
  config,
  database,
  clock = systemClock,
  logger,
}: BuildOptions): Promise<App> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger, childLoggerFactory: lazyRequestLogger } : { logger: false }),
    bodyLimit: 64 * 1024,
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
    routerOptions: { ignoreTrailingSlash: true },
    return503OnClosing: true,
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  app.decorate('deps', { config, database, clock });
  useAuditKey(config.auditKey);
  app.setValidatorCompiler(validatorCompiler);
  registerInputGuard(app);
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });

  registerErrorHandling(app);
  await registerMetrics(app);
  await app.register(cookie, { secret: config.sessionSecret });
  let counters: Counters = new DatabaseCounters(database.db);
  if (config.redisUrl) {
    const redis = new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
    app.addHook('onClose', async () => {
      await redis.quit();
    });
    counters = new RedisCounters(redis);
  }
  await registerRateLimits(app, counters);
  app.decorate(
    'proofOfWork',
    new ProofOfWork(database.db, counters, {
      secret: config.sessionSecret,
      difficulty: config.powDifficulty,
      surgePerMinute: config.powSurgePerMinute,
    }),
  );
  registerLocale(app);
  registerSiteTexts(app);
  registerSecurityHeaders(app);
  // Pages, stylesheet, scripts and JSON go out compressed (gzip or brotli, as the client asks): the
  // citizen pages must stay under 60 KB on slow phone connections.
  await app.register(compress, { global: true, encodings: ['br', 'gzip'] });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await registerCsrf(app);
  registerAuth(app);
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/assets/',
    maxAge: config.nodeEnv === 'production' ? '7d' : 0,
    index: false,
    decorateReply: false,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Agendamiento de Citas – API pública',
        version: '1.0.0',
        description: 'Availability, holds, confirmation and management of appointments.',
      },
      servers: [{ url: config.publicUrl }],
    },
  });

  await app.register(healthRoutes);
  await app.register(altchaAssets);
  await app.register(
    async (api) => {
      await api.register(catalogueApi);
      await api.register(alertsApi);
      await api.register(bookingApi);
      await api.register(nextAvailableApi);
      await api.register(releasesApi);
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );
  await app.register(homePages);
  await app.register(sitePages);
  await app.register(alertPages);
  await app.register(privacyPages);
  await app.register(bookingSearchPages);
  await app.register(bookingHoldPages);
  await app.register(managePages);
  await app.register(rebookPages);
  await app.register(nextAvailablePages);
  await app.register(releasePages);
  // The local mailbox shows every message kept in the database: development only, and only when
  // messages are kept there (no SMTP_URL).
  if (config.nodeEnv !== 'production' && !config.smtpUrl) await app.register(devMailboxRoutes);
  await app.register(adminPages);
  return app;
}
