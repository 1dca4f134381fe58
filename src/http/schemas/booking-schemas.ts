import { Type } from 'typebox';
import { ChannelSchema, CivilDateSchema } from './common.js';
import { ReleaseSummary } from './release-schemas.js';

const ProcedureCode = Type.String({
  minLength: 2,
  maxLength: 60,
  pattern: '^[a-z0-9-]+$',
  examples: ['orientacion-tributaria'],
});
const OfficeCode = Type.String({ pattern: '^[0-9]{2,4}$', examples: ['11'] });
const CityCode = Type.String({ pattern: '^[0-9]{5}$', examples: ['05001'] });
const Instant = Type.String({ format: 'date-time', examples: ['2026-12-01T08:30:00-05:00'] });

/**
 * The NIT of a person whose tax deadline may be the day they book (digits, without the check digit):
 * on that day they see and can take the places reserved for deadline days, and may book the same day.
 */
const NitSchema = Type.String({
  pattern: '^[0-9]{5,15}$',
  description: 'NIT without check digit; on its tax deadline day, reserved places are offered too',
  examples: ['900123456'],
});

export const DaysQuery = Type.Object(
  {
    procedure: ProcedureCode,
    channel: ChannelSchema,
    office: Type.Optional(OfficeCode),
    city: Type.Optional(CityCode),
    nit: Type.Optional(NitSchema),
    from: CivilDateSchema,
    to: CivilDateSchema,
  },
  { additionalProperties: false },
);

/**
 * Releases not drawn yet in the search's place and days: their places are given by a draw, never listed
 * as free (DESIGN.md §7); `GET /releases/{id}` tells how to apply.
 */
const Draws = Type.Array(ReleaseSummary, {
  description: 'Places of these days given by draw ("por sorteo"), with their application window',
});

export const DaysReply = Type.Object({
  items: Type.Array(Type.Object({ date: CivilDateSchema, available: Type.Integer({ minimum: 1 }) })),
  draws: Draws,
});

export const SlotsQuery = Type.Object(
  {
    procedure: ProcedureCode,
    channel: ChannelSchema,
    office: Type.Optional(OfficeCode),
    city: Type.Optional(CityCode),
    nit: Type.Optional(NitSchema),
    date: CivilDateSchema,
  },
  { additionalProperties: false },
);

export const SlotItem = Type.Object({
  slotId: Type.Integer({ minimum: 1, examples: [1234] }),
  officeCode: Type.String(),
  startsAt: Instant,
  endsAt: Instant,
  available: Type.Integer({ minimum: 1 }),
});

export const SlotsReply = Type.Object({ items: Type.Array(SlotItem), draws: Draws });

export const FirstQuery = Type.Object(
  {
    procedure: ProcedureCode,
    channel: ChannelSchema,
    office: Type.Optional(OfficeCode),
    city: Type.Optional(CityCode),
    nit: Type.Optional(NitSchema),
  },
  { additionalProperties: false },
);

export const FirstReply = Type.Object({
  scope: Type.Union([
    Type.Literal('office'),
    Type.Literal('city'),
    Type.Literal('department'),
    Type.Literal('country'),
  ]),
  items: Type.Array(SlotItem),
});

export const HoldBody = Type.Object(
  {
    slotId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
    procedure: ProcedureCode,
    channel: ChannelSchema,
    nit: Type.Optional(NitSchema),
    altcha: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  {
    additionalProperties: false,
    examples: [{ slotId: 1234, procedure: 'orientacion-tributaria', channel: 'presencial' }],
  },
);

export const HoldReply = Type.Object({
  holdId: Type.String({ format: 'uuid' }),
  expiresAt: Instant,
});

export const HoldParams = Type.Object({ holdId: Type.String({ maxLength: 64 }) });

const Text = (max: number) => Type.String({ maxLength: max });

export const ApplicantSchema = Type.Object(
  {
    personType: Type.Union([Type.Literal('natural'), Type.Literal('juridica')]),
    documentType: Type.Union([
      Type.Literal('CC'),
      Type.Literal('CE'),
      Type.Literal('TI'),
      Type.Literal('PA'),
      Type.Literal('NIT'),
      Type.Literal('PPT'),
      Type.Literal('PEP'),
    ]),
    documentNumber: Text(30),
    firstName: Text(120),
    lastName: Text(120),
    email: Text(254),
    phone: Text(30),
    nit: Type.Optional(Text(30)),
    companyName: Type.Optional(Text(250)),
  },
  { additionalProperties: false },
);

export const ConfirmBody = Type.Object(
  {
    applicant: ApplicantSchema,
    consent: Type.Object(
      { accepted: Type.Boolean(), policyVersion: Text(40) },
      { additionalProperties: false },
    ),
  },
  {
    additionalProperties: false,
    examples: [
      {
        applicant: {
          personType: 'natural',
          documentType: 'CC',
          documentNumber: '1020304050',
          firstName: 'María José',
          lastName: 'Pérez Gómez',
          email: 'maria.perez@example.com',
          phone: '300 123 4567',
        },
        consent: { accepted: true, policyVersion: '2026-11-01' },
      },
    ],
  },
);

export const AppointmentSummary = Type.Object({
  code: Type.String({ examples: ['K7QW2-M9XPA'] }),
  status: Type.String(),
  procedure: Type.String(),
  channel: ChannelSchema,
  officeCode: Type.String(),
  startsAt: Instant,
  endsAt: Instant,
});

export const AppointmentDetails = Type.Object({
  code: Type.String(),
  status: Type.Union([
    Type.Literal('booked'),
    Type.Literal('checked_in'),
    Type.Literal('attended'),
    Type.Literal('no_show'),
    Type.Literal('cancelled'),
  ]),
  procedure: Type.String(),
  procedureName: Type.String(),
  channel: ChannelSchema,
  officeCode: Type.String(),
  officeName: Type.String(),
  officeAddress: Type.String(),
  city: Type.String(),
  startsAt: Instant,
  endsAt: Instant,
  requirements: Type.Array(Type.String()),
  firstName: Type.String(),
  lastName: Type.String(),
  rescheduledTo: Type.Union([Type.String(), Type.Null()]),
});

const Code = Type.String({ minLength: 1, maxLength: 20, examples: ['K7QW2-M9XPA'] });
const DocumentNumber = Type.String({ minLength: 1, maxLength: 30, examples: ['1020304050'] });

export const LookupBody = Type.Object(
  { code: Code, documentNumber: DocumentNumber },
  { additionalProperties: false, examples: [{ code: 'K7QW2-M9XPA', documentNumber: '1020304050' }] },
);

export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) });

export const CancelBody = Type.Object(
  { documentNumber: DocumentNumber },
  { additionalProperties: false, examples: [{ documentNumber: '1020304050' }] },
);

export const CancelReply = Type.Object({ code: Type.String(), status: Type.Literal('cancelled') });

export const RescheduleBody = Type.Object(
  { documentNumber: DocumentNumber, slotId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) },
  { additionalProperties: false, examples: [{ documentNumber: '1020304050', slotId: 1235 }] },
);
