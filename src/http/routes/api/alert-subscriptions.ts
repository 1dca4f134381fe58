import { Type } from 'typebox';
import { subscribeToAlerts } from '../../../services/alerts/subscribe.js';
import { ChannelSchema, CivilDateSchema, ProblemSchema } from '../../schemas/common.js';
import type { App } from '../../types.js';

const AlertRequest = Type.Object(
  {
    procedure: Type.String({ minLength: 1, maxLength: 60, description: 'Procedure code' }),
    channel: ChannelSchema,
    office: Type.Optional(
      Type.String({ pattern: '^[0-9]{2,4}$', description: 'Office code (or give city)' }),
    ),
    city: Type.Optional(Type.String({ pattern: '^[0-9]{5}$', description: 'DIVIPOLA municipality code' })),
    from: CivilDateSchema,
    to: CivilDateSchema,
    email: Type.String({
      minLength: 3,
      maxLength: 254,
      description: 'Where the confirmation link and offers go',
    }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        procedure: 'orientacion-tributaria',
        channel: 'presencial',
        city: '05001',
        from: '2026-12-01',
        to: '2026-12-15',
        email: 'persona@example.com',
      },
    ],
  },
);

const AlertAccepted = Type.Object({
  status: Type.Literal('pending', { description: 'Waiting for the link sent by e-mail to be followed' }),
  procedure: Type.String(),
  channel: ChannelSchema,
  office: Type.Union([Type.String(), Type.Null()]),
  city: Type.Union([Type.String(), Type.Null()]),
  from: CivilDateSchema,
  to: CivilDateSchema,
});

export async function alertsApi(app: App): Promise<void> {
  app.post(
    '/alerts',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Ask to be told when places appear',
        description:
          'Records an alert subscription and e-mails a confirmation link. Once confirmed, places that appear (new agenda, cancellations, expired holds) are offered to subscribers in the order they subscribed, each held for a short claim window.',
        body: AlertRequest,
        response: { 201: AlertAccepted, 409: ProblemSchema, 422: ProblemSchema, 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      const result = await subscribeToAlerts(app.deps.database.db, request.body, {
        now: app.deps.clock(),
        locale: request.locale,
      });
      return reply.code(201).send(result);
    },
  );
}
