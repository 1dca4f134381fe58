import { toBogotaIso } from '../../../domain/civil-time.js';
import { LIMITS } from '../../../security/limits.js';
import { claimOffer } from '../../../services/offer-claim.js';
import { applyForRelease } from '../../../services/releases/apply.js';
import { confirmEntryByToken } from '../../../services/releases/entry-link.js';
import { releaseSettings } from '../../../services/releases/release-settings.js';
import { listReleases, viewRelease } from '../../../services/releases/view.js';
import { releaseJson, releaseSummaryJson } from '../../../views/releases/json.js';
import { clientSession } from '../../journey/client-session.js';
import { admitHold } from '../../journey/hold-admission.js';
import { routeLimit } from '../../plugins/rate-limit.js';
import { ProblemSchema } from '../../schemas/common.js';
import {
  ClaimReply,
  EntryBody,
  EntryReply,
  ReleaseDetail,
  ReleaseParams,
  ReleasesQuery,
  ReleasesReply,
  TokenBody,
} from '../../schemas/release-schemas.js';
import type { App } from '../../types.js';

const problems = {
  400: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  410: ProblemSchema,
  422: ProblemSchema,
};

/** The fair release's API (DESIGN.md §7): each handler validates by schema and calls one service. */
export async function releasesApi(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  const ctx = () => ({
    db: db(),
    now: app.deps.clock(),
    settings: releaseSettings(app.deps.config),
    rules: app.deps.config,
  });

  app.get(
    '/releases',
    {
      schema: {
        tags: ['releases'],
        summary: 'Releases upcoming, open and recently drawn',
        querystring: ReleasesQuery,
        response: { 200: ReleasesReply, ...problems },
      },
    },
    async (request) => {
      const q = request.query;
      const items = await listReleases(
        db(),
        { procedure: q.procedure, channel: q.channel, officeCode: q.office, cityCode: q.city },
        app.deps.clock(),
      );
      return { items: items.map(releaseSummaryJson) };
    },
  );

  app.get(
    '/releases/:id',
    {
      schema: {
        tags: ['releases'],
        summary: 'A release: its places, entries, seed hash, and after the draw its seed and order',
        params: ReleaseParams,
        response: { 200: ReleaseDetail, ...problems },
      },
    },
    async (request) => releaseJson(await viewRelease(db(), request.params.id, app.deps.clock())),
  );

  app.post(
    '/releases/:id/entries',
    {
      config: { rateLimit: routeLimit(app, LIMITS.hold) },
      schema: {
        tags: ['releases'],
        summary: 'Apply for a place of an open release (a link to confirm goes by e-mail)',
        params: ReleaseParams,
        body: EntryBody,
        response: { 201: EntryReply, ...problems },
      },
    },
    async (request, reply) => {
      await admitHold(app, request, request.body.altcha, { allowWithoutProof: false });
      const entry = await applyForRelease(
        { ...ctx(), cacheMs: app.deps.config.calendarCacheMs },
        request.params.id,
        request.body,
        request.locale,
      );
      return reply.code(201).send(entry);
    },
  );

  app.post(
    '/entries/confirm',
    {
      schema: {
        tags: ['releases'],
        summary: 'Confirm an entry with the token of its e-mail link',
        body: TokenBody,
        response: { 200: EntryReply, ...problems },
      },
    },
    async (request) => {
      const entry = await confirmEntryByToken(ctx(), request.body.token);
      return { entryId: entry.entryId, status: 'confirmed' as const };
    },
  );

  app.post(
    '/offers/claim',
    {
      schema: {
        tags: ['releases'],
        summary: 'Claim a place offered by a draw or an alert: a hold to confirm as usual',
        body: TokenBody,
        response: { 201: ClaimReply, ...problems },
      },
    },
    async (request, reply) => {
      const session = clientSession(request, reply);
      const hold = await claimOffer(ctx(), request.body.token, session.key);
      return reply.code(201).send({ holdId: hold.holdId, expiresAt: toBogotaIso(hold.expiresAt) });
    },
  );
}
