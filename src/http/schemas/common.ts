import { Type } from 'typebox';

export const ChannelSchema = Type.Union(
  [Type.Literal('presencial'), Type.Literal('video'), Type.Literal('telefono'), Type.Literal('correo')],
  { description: 'Attention channel', examples: ['presencial'] },
);

export const CivilDateSchema = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A Bogotá civil date, YYYY-MM-DD',
  examples: ['2026-12-01'],
});

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    releaseId: Type.Optional(
      Type.String({ description: '`IN_DRAW`: the release whose draw gives the place (GET /releases/{id})' }),
    ),
  },
  { description: 'RFC 9457 problem details with a stable `code`' },
);

/** An ALTCHA v2 challenge, passed as is to the widget or to a client's solver. */
export const ChallengeReply = Type.Object(
  {
    parameters: Type.Object(
      {
        algorithm: Type.String(),
        nonce: Type.String(),
        salt: Type.String(),
        cost: Type.Integer(),
        keyLength: Type.Integer(),
        keyPrefix: Type.String(),
        keySignature: Type.Optional(Type.String()),
        expiresAt: Type.Optional(Type.Number()),
        data: Type.Optional(Type.Object({}, { additionalProperties: true })),
      },
      { additionalProperties: true },
    ),
    signature: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);
