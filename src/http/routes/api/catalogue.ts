import { Type } from 'typebox';
import { listOffices } from '../../../services/catalogue/offices.js';
import { listProcedures } from '../../../services/catalogue/procedures.js';
import { ChannelSchema, ProblemSchema } from '../../schemas/common.js';
import type { App } from '../../types.js';

const ProcedureSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  category: Type.String(),
  channels: Type.Array(ChannelSchema),
  requiresAppointment: Type.Boolean(),
  selfServiceUrl: Type.Union([Type.String(), Type.Null()]),
  durationMinutes: Type.Union([Type.Integer(), Type.Null()]),
  requirements: Type.Array(Type.String()),
});

const OfficeSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  cityCode: Type.String(),
  city: Type.String(),
  department: Type.String(),
  address: Type.String(),
  channels: Type.Array(ChannelSchema),
});

const OfficeQuery = Type.Object(
  {
    department: Type.Optional(
      Type.String({ pattern: '^[0-9]{2}$', description: 'DIVIPOLA department code' }),
    ),
    city: Type.Optional(Type.String({ pattern: '^[0-9]{5}$', description: 'DIVIPOLA municipality code' })),
  },
  { additionalProperties: false },
);

export async function catalogueApi(app: App): Promise<void> {
  app.get(
    '/procedures',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'The procedure catalogue',
        response: { 200: Type.Object({ items: Type.Array(ProcedureSchema) }) },
      },
    },
    async (request) => {
      const items = await listProcedures(app.deps.database.db, request.locale);
      return { items };
    },
  );

  app.get(
    '/offices',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Offices, optionally by department or city',
        querystring: OfficeQuery,
        response: { 200: Type.Object({ items: Type.Array(OfficeSchema) }), 400: ProblemSchema },
      },
    },
    async (request) => {
      const { department, city } = request.query;
      const items = await listOffices(app.deps.database.db, request.locale, {
        ...(department ? { departmentCode: department } : {}),
        ...(city ? { cityCode: city } : {}),
      });
      return { items };
    },
  );
}
