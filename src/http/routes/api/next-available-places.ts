import { Type } from 'typebox';
import { toBogotaIso } from '../../../domain/civil-time.js';
import { nextAvailable } from '../../../services/reports/next-available.js';
import { ChannelSchema, ProblemSchema } from '../../schemas/common.js';
import type { App } from '../../types.js';

const NextQuery = Type.Object(
  {
    procedure: Type.Optional(
      Type.String({
        minLength: 2,
        maxLength: 60,
        pattern: '^[a-z0-9-]+$',
        description: 'Only this procedure',
        examples: ['orientacion-tributaria'],
      }),
    ),
    channel: Type.Optional(ChannelSchema),
  },
  { additionalProperties: false },
);

const NextReply = Type.Object({
  generatedAt: Type.String({ format: 'date-time', examples: ['2026-12-01T08:30:00-05:00'] }),
  items: Type.Array(
    Type.Object({
      procedure: Type.String({ examples: ['orientacion-tributaria'] }),
      channel: ChannelSchema,
      startsAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
        description: 'The first free time in Bogotá, or null when nothing is free in the booking window',
      }),
      officeCode: Type.Union([Type.String(), Type.Null()], {
        description: 'Where, for in-person attention; null for remote channels',
      }),
      available: Type.Integer({ minimum: 0, description: 'Free places at that time' }),
    }),
  ),
});

/** GET /next-available: the public summary as data, refreshed at most once a minute. */
export async function nextAvailableApi(app: App): Promise<void> {
  app.get(
    '/next-available',
    {
      schema: {
        tags: ['availability'],
        summary: 'The first free place per procedure and channel anywhere in the country (cached one minute)',
        querystring: NextQuery,
        response: { 200: NextReply, 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      const data = await nextAvailable({
        db: app.deps.database.db,
        config: app.deps.config,
        now: app.deps.clock(),
      });
      const { procedure, channel } = request.query;
      reply.header('cache-control', 'public, max-age=60');
      return {
        generatedAt: toBogotaIso(data.generatedAt),
        items: data.items
          .filter(
            (i) =>
              (procedure === undefined || i.procedure === procedure) &&
              (channel === undefined || i.channel === channel),
          )
          .map((i) => ({
            procedure: i.procedure,
            channel: i.channel,
            startsAt: i.startsAt ? toBogotaIso(i.startsAt) : null,
            officeCode: i.officeCode,
            available: i.available,
          })),
      };
    },
  );
}
