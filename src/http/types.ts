import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Locale } from '../i18n/index.js';
import type { ProofOfWork } from '../security/proof-of-work.js';

export interface AppDeps {
  config: Config;
  database: Database;
  /** The current time; tests inject their own. */
  clock: Clock;
}

export type App = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    proofOfWork: ProofOfWork;
  }
  interface FastifyRequest {
    locale: Locale;
  }
}
