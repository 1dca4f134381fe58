import { Type } from 'typebox';
import { ChannelSchema, CivilDateSchema } from './common.js';

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({
  description: 'ISO 8601 with the -05:00 offset',
  examples: ['2026-12-01T08:00:00-05:00'],
});

export const ReleaseParams = Type.Object({ id: Type.String({ maxLength: 64, description: 'Release id' }) });

export const ReleasesQuery = Type.Object({
  procedure: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  channel: Type.Optional(ChannelSchema),
  office: Type.Optional(Type.String({ pattern: '^[0-9]{2,4}$' })),
  city: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
});

const ReleaseFields = {
  id: Uuid,
  procedure: Type.String(),
  channel: ChannelSchema,
  officeCode: Type.String(),
  from: CivilDateSchema,
  to: CivilDateSchema,
  opensAt: Instant,
  closesAt: Instant,
  status: Type.Union([
    Type.Literal('upcoming'),
    Type.Literal('open'),
    Type.Literal('closed'),
    Type.Literal('drawn'),
  ]),
  seedHash: Type.String({
    description: 'SHA-256 (hex) of the 32 seed bytes, published when the release is made',
  }),
  seed: Type.Union([Type.String({ description: 'The seed (64 hex characters), once drawn' }), Type.Null()]),
};

export const ReleaseSummary = Type.Object(ReleaseFields);

export const ReleaseDetail = Type.Object({
  ...ReleaseFields,
  places: Type.Integer({ description: 'Free places it holds (before the draw) or had to give (after)' }),
  entries: Type.Union([
    Type.Integer({ description: 'Confirmed entries, once the window closed' }),
    Type.Null(),
  ]),
  order: Type.Union([Type.Array(Uuid, { description: 'Entry ids in draw order, once drawn' }), Type.Null()]),
  claimed: Type.Integer({ description: 'Offers taken so far' }),
});

export const ReleasesReply = Type.Object({ items: Type.Array(ReleaseSummary) });

export const EntryBody = Type.Object(
  {
    documentType: Type.String({ maxLength: 10 }),
    documentNumber: Type.String({ maxLength: 30 }),
    email: Type.String({ maxLength: 254 }),
    dates: Type.Optional(
      Type.Array(CivilDateSchema, { maxItems: 62, description: 'Days that suit (default: any)' }),
    ),
    partOfDay: Type.Optional(
      Type.Union([Type.Literal('manana'), Type.Literal('tarde')], {
        description: 'Morning or afternoon (default: any)',
      }),
    ),
    altcha: Type.Optional(
      Type.String({ maxLength: 4000, description: 'Solved proof-of-work, when CAPTCHA is on' }),
    ),
  },
  {
    additionalProperties: false,
    examples: [
      { documentType: 'CC', documentNumber: '52123456', email: 'persona@example.com', partOfDay: 'manana' },
    ],
  },
);

export const EntryReply = Type.Object({
  entryId: Uuid,
  status: Type.Union([Type.Literal('pending'), Type.Literal('confirmed')]),
});

export const TokenBody = Type.Object(
  {
    token: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The last path segment of the e-mail link',
    }),
  },
  { additionalProperties: false, examples: [{ token: 'the-token-from-the-e-mail-link' }] },
);

export const ClaimReply = Type.Object({
  holdId: Uuid,
  expiresAt: Instant,
});
