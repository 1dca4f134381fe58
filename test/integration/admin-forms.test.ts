import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { recordAudit, verifyAuditChain } from '../../src/services/audit/trail.js';
import { AdminBrowser, aStaffMember, type Form, PASSWORD, type TestStaff, textOf } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';

/** A form answered with 400, a summary linking to exactly these fields, each marked invalid. */
function expectFieldErrors(response: LightMyRequestResponse, fields: string[]) {
  expect(response.statusCode).toBe(400);
  const linked = [...response.body.matchAll(/<li><a href="#field-([A-Za-z0-9_-]+)">/g)].map((m) => m[1]);
  expect(linked.sort()).toEqual([...fields].sort());
  for (const f of fields) {
    expect(response.body).toContain(`id="field-${f}-error"`);
    const input = new RegExp(
      `id="field-${f}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-${f}"`,
    );
    const group = new RegExp(`<fieldset[^>]*aria-describedby="[^"]*field-${f}-error`);
    expect(input.test(response.body) || group.test(response.body), f).toBe(true);
  }
}

const OFFICE: Form = {
  code: '0599',
  name: 'Punto de contacto Sur – Cali',
  kind: 'impuestos',
  seccional: '05',
  city: '76001',
  address: 'Carrera 100 # 5-169',
  hoursEs: 'Lunes a viernes de 8:00 a 16:00',
  hoursEn: 'Monday to Friday 8:00–16:00',
  desks: '3',
  phone: '(602) 555 0101',
  email: 'sur.cali@dian.test',
  active: 'on',
};

const PROCEDURE: Form = {
  code: 'devolucion-iva-exportadores',
  nameEs: 'Devolución de IVA a exportadores',
  nameEn: 'VAT refund for exporters',
  category: 'tributario',
  summaryEs: 'Radicación y seguimiento de la solicitud de devolución.',
  summaryEn: 'Filing and follow-up of the refund request.',
  requirementsEs: 'Documento de identidad\nFormulario 010',
  requirementsEn: 'Identity document\nForm 010',
  servedBy: 'impuestos',
  requiresAppointment: 'on',
  channels: ['presencial', 'video'],
  durationMinutes: '30',
  active: 'on',
};

describe.each(engines())('back-office forms on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(new Date('2026-03-04T14:00:00Z'));
  let national: TestStaff;
  let browser: AdminBrowser;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {}, clock.now);
    national = await aStaffMember(database.db, { role: 'admin_nacional' });
    browser = new AdminBrowser(app);
    await browser.signIn(national, clock);
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const auditCount = async () => (await database.db.selectFrom('audit_events').select('id').execute()).length;
  const lastAudit = () =>
    database.db
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();

  describe('offices', () => {
    it('refuses an empty or wrong office form with a message per field, changing nothing', async () => {
      // An office no other test creates: its forms are all refused here.
      const office = { ...OFFICE, code: '0596' };
      const before = await auditCount();
      expectFieldErrors(await browser.post('/admin/oficinas', {}), [
        'code',
        'name',
        'kind',
        'seccional',
        'city',
        'address',
        'hoursEs',
        'hoursEn',
        'desks',
      ]);
      const wrong = await browser.post('/admin/oficinas', {
        ...office,
        code: 'abc',
        kind: 'bank',
        city: '99999',
        desks: '-3',
        phone: 'call me',
        email: 'not-an-email',
        seccional: '0501',
      });
      expectFieldErrors(wrong, ['code', 'kind', 'city', 'desks', 'phone', 'email', 'seccional']);
      // What was typed comes back.
      expect(wrong.body).toContain('value="Carrera 100 # 5-169"');
      expect(wrong.body).toContain('value="-3"');
      expectFieldErrors(await browser.post('/admin/oficinas', { ...office, code: '05' }), ['code']);
      expectFieldErrors(await browser.post('/admin/oficinas', { ...office, desks: '501' }), ['desks']);
      expectFieldErrors(await browser.post('/admin/oficinas', { ...office, desks: 'tres' }), ['desks']);
      expectFieldErrors(await browser.post('/admin/oficinas/05', { ...office, name: '  ' }), ['name']);
      expect(await auditCount()).toBe(before);
      expect(
        await database.db.selectFrom('offices').select('code').where('code', '=', '0596').executeTakeFirst(),
      ).toBe(undefined);
      const office05 = await database.db
        .selectFrom('offices')
        .select('name')
        .where('code', '=', '05')
        .executeTakeFirst();
      expect(office05?.name).toBe('Dirección Seccional de Impuestos de Cali');
    });

    it('creates an office the citizen API then lists, and records it', async () => {
      const created = await browser.post('/admin/oficinas', OFFICE);
      expect(created.statusCode).toBe(303);
      expect(created.headers.location).toBe('/admin/oficinas/0599?aviso=officeCreated');
      const page = await browser.get('/admin/oficinas/0599?aviso=officeCreated');
      expect(textOf(page.body)).toContain('La oficina quedó creada.');
      const api = JSON.parse(
        (await app.inject({ method: 'GET', url: '/api/v1/offices?city=76001' })).body,
      ) as {
        items: { code: string; address: string }[];
      };
      expect(api.items.find((o) => o.code === '0599')?.address).toBe('Carrera 100 # 5-169');
      const event = await lastAudit();
      expect(event).toMatchObject({
        action: 'office.create',
        entity_type: 'office',
        entity_id: '0599',
        office_code: '0599',
        actor: national.email,
        actor_staff_id: national.id,
        before: null,
      });
      expect(event.after).toMatchObject({
        desks: 3,
        seccionalCode: '05',
        name: 'Punto de contacto Sur – Cali',
      });

      // A new Dirección Seccional is its own seccional.
      const seccional = await browser.post('/admin/oficinas', { ...OFFICE, code: '47', seccional: 'propia' });
      expect(seccional.statusCode).toBe(303);
      const row = await database.db
        .selectFrom('offices')
        .select('seccional_code')
        .where('code', '=', '47')
        .executeTakeFirst();
      expect(row?.seccional_code).toBe('47');
    });

    // Each test below makes an office of its own, so none needs the one created above.
    it('edits an office with before and after in the audit trail', async () => {
      expect((await browser.post('/admin/oficinas', { ...OFFICE, code: '0598' })).statusCode).toBe(303);
      const edited = await browser.post('/admin/oficinas/0598', {
        ...OFFICE,
        code: '0598',
        desks: '4',
        active: 'on',
      });
      expect(edited.statusCode).toBe(303);
      const event = await lastAudit();
      expect(event.action).toBe('office.update');
      expect(event.before).toMatchObject({ desks: 3 });
      expect(event.after).toMatchObject({ desks: 4 });
    });

    it('refuses to deactivate an office with appointments to come, and deactivates it once there are none', async () => {
      expect((await browser.post('/admin/oficinas', { ...OFFICE, code: '0597' })).statusCode).toBe(303);
      const line = await database.db
        .insertInto('capacity_lines')
        .values({ office_code: '0597', channel: 'presencial', name: 'Sur' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const startsAt = new Date(clock.now().getTime() + 3 * 86_400_000);
      const slot = await database.db
        .insertInto('slots')
        .values({
          capacity_line_id: line.id,
          office_code: '0597',
          channel: 'presencial',
          local_date: '2026-03-07',
          starts_at: startsAt,
          ends_at: new Date(startsAt.getTime() + 1_800_000),
          capacity: 2,
          taken: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const applicant = await database.db
        .insertInto('applicants')
        .values({
          person_type: 'natural',
          document_type: 'CC',
          document_number: '1020304050',
          first_name: 'Ana',
          last_name: 'Pérez',
          email: 'ana@example.com',
          phone: '+573001234567',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const appointment = await database.db
        .insertInto('appointments')
        .values({
          code: 'ABCD2345',
          slot_id: slot.id,
          procedure_code: 'orientacion-tributaria',
          channel: 'presencial',
          office_code: '0597',
          starts_at: startsAt,
          ends_at: new Date(startsAt.getTime() + 1_800_000),
          applicant_id: applicant.id,
          person_key: 'CC:1020304050',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const before = await auditCount();
      const refused = await browser.post('/admin/oficinas/0597/desactivar');
      expectFieldErrors(refused, ['active']);
      expect(textOf(refused.body)).toContain('1 cita(s) por atender');
      const viaEdit = await browser.post('/admin/oficinas/0597', { ...OFFICE, code: '0597', active: '' });
      expectFieldErrors(viaEdit, ['active']);
      expect(await auditCount()).toBe(before);
      const still = await database.db
        .selectFrom('offices')
        .select('active')
        .where('code', '=', '0597')
        .executeTakeFirst();
      expect(still?.active).toBe(true);

      await database.db
        .updateTable('appointments')
        .set({ status: 'cancelled', cancelled_at: clock.now(), cancel_reason: 'citizen' })
        .where('id', '=', appointment.id)
        .execute();
      const done = await browser.post('/admin/oficinas/0597/desactivar');
      expect(done.statusCode).toBe(303);
      expect((await lastAudit()).action).toBe('office.deactivate');
      expect((await browser.post('/admin/oficinas/0597/activar')).statusCode).toBe(303);
      expect((await lastAudit()).action).toBe('office.activate');
    });
  });

  describe('procedures', () => {
    it('refuses bad procedure forms, changing nothing', async () => {
      // A procedure no other test creates: its forms are all refused here.
      const procedure = { ...PROCEDURE, code: 'devolucion-iva-importadores' };
      const before = await auditCount();
      expectFieldErrors(await browser.post('/admin/tramites', {}), [
        'code',
        'nameEs',
        'nameEn',
        'category',
        'summaryEs',
        'summaryEn',
        'servedBy',
        'selfServiceEs',
        'selfServiceEn',
      ]);
      expectFieldErrors(
        await browser.post('/admin/tramites', {
          ...procedure,
          code: 'Con Mayúsculas',
          channels: [],
          durationMinutes: '',
          selfServiceUrl: 'javascript:alert(1)',
          category: 'otro',
        }),
        ['code', 'channels', 'durationMinutes', 'selfServiceUrl', 'category'],
      );
      expectFieldErrors(await browser.post('/admin/tramites', { ...procedure, durationMinutes: '300' }), [
        'durationMinutes',
      ]);
      expectFieldErrors(await browser.post('/admin/tramites', { ...procedure, channels: ['fax'] }), [
        'channels',
      ]);
      expectFieldErrors(await browser.post('/admin/tramites', { ...procedure, requirementsEn: 'Only one' }), [
        'requirementsEn',
      ]);
      expectFieldErrors(
        await browser.post('/admin/tramites', { ...procedure, code: 'orientacion-tributaria' }),
        ['code'],
      );
      expectFieldErrors(
        await browser.post('/admin/tramites/orientacion-tributaria', { ...procedure, nameEs: 'ab' }),
        ['nameEs'],
      );
      expect(await auditCount()).toBe(before);
      const p = await database.db
        .selectFrom('procedures')
        .select(['name_es', 'duration_minutes'])
        .where('code', '=', 'orientacion-tributaria')
        .executeTakeFirstOrThrow();
      expect(p.duration_minutes).toBe(20);
    });

    it('creates, edits and deactivates a procedure, each change in the audit trail', async () => {
      expect((await browser.post('/admin/tramites', PROCEDURE)).statusCode).toBe(303);
      const api = JSON.parse((await app.inject({ method: 'GET', url: '/api/v1/procedures' })).body) as {
        items: { code: string; channels: string[]; requirements: string[] }[];
      };
      expect(api.items.find((p) => p.code === 'devolucion-iva-exportadores')).toMatchObject({
        channels: ['presencial', 'video'],
        requirements: ['Documento de identidad', 'Formulario 010'],
      });
      expect(
        (
          await browser.post('/admin/tramites/devolucion-iva-exportadores', {
            ...PROCEDURE,
            durationMinutes: '45',
          })
        ).statusCode,
      ).toBe(303);
      const update = await lastAudit();
      expect(update).toMatchObject({ action: 'procedure.update', entity_id: 'devolucion-iva-exportadores' });
      expect(update.before).toMatchObject({ durationMinutes: 30 });
      expect(update.after).toMatchObject({ durationMinutes: 45 });
      // Self-service only: no channels, no duration, but it must say how.
      expect(
        (
          await browser.post('/admin/tramites/devolucion-iva-exportadores', {
            ...PROCEDURE,
            requiresAppointment: '',
            selfServiceUrl: 'https://www.dian.gov.co',
            selfServiceEs: 'Se hace en línea.',
            selfServiceEn: 'It is done online.',
          })
        ).statusCode,
      ).toBe(303);
      const row = await database.db
        .selectFrom('procedures')
        .select(['channels', 'duration_minutes', 'requires_appointment'])
        .where('code', '=', 'devolucion-iva-exportadores')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ channels: [], duration_minutes: null, requires_appointment: false });
      expect((await browser.post('/admin/tramites/devolucion-iva-exportadores/desactivar')).statusCode).toBe(
        303,
      );
      expect((await lastAudit()).action).toBe('procedure.deactivate');
      const listed = JSON.parse((await app.inject({ method: 'GET', url: '/api/v1/procedures' })).body) as {
        items: { code: string }[];
      };
      expect(listed.items.some((p) => p.code === 'devolucion-iva-exportadores')).toBe(false);
    });
  });

  describe('channels, kiosks and site texts', () => {
    it('refuses bad input and keeps the data as it was', async () => {
      const before = await auditCount();
      expectFieldErrors(await browser.post('/admin/canales/video', {}), [
        'nameEs',
        'nameEn',
        'descriptionEs',
        'descriptionEn',
      ]);
      expectFieldErrors(await browser.post('/admin/quioscos', {}), [
        'placeType',
        'name',
        'address',
        'city',
        'hoursEs',
        'hoursEn',
      ]);
      expectFieldErrors(
        await browser.post('/admin/quioscos', {
          placeType: 'estadio',
          name: 'Estadio',
          address: 'Calle 1',
          city: '00000',
          hoursEs: 'x',
          hoursEn: 'x',
        }),
        ['placeType', 'city'],
      );
      expectFieldErrors(await browser.post('/admin/textos', { key: 'Mal Clave', locale: 'fr', value: '' }), [
        'key',
        'locale',
        'value',
      ]);
      expectFieldErrors(
        await browser.post('/admin/textos', { key: 'ayuda.x', locale: 'es', value: 'x'.repeat(5001) }),
        ['value'],
      );
      expect(await auditCount()).toBe(before);
      expect(
        (await browser.post('/admin/textos/eliminar', { key: 'no.existe', locale: 'es' })).statusCode,
      ).toBe(404);
    });

    it('edits a channel, a kiosk and a site text with audit events', async () => {
      const channel = {
        nameEs: 'Videollamada',
        nameEn: 'Video call',
        descriptionEs: 'Atención por videollamada desde su computador o celular.',
        descriptionEn: 'Attention by video call from your computer or phone.',
      };
      expect((await browser.post('/admin/canales/video', channel)).statusCode).toBe(303);
      expect(await lastAudit()).toMatchObject({ action: 'channel.update', entity_id: 'video' });

      const kiosk = {
        placeType: 'centro_comercial',
        name: 'Centro comercial Unicentro',
        address: 'Carrera 100 # 5-169',
        city: '76001',
        hoursEs: 'Lunes a sábado de 10:00 a 20:00',
        hoursEn: 'Monday to Saturday 10:00–20:00',
        active: 'on',
      };
      expect((await browser.post('/admin/quioscos', kiosk)).statusCode).toBe(303);
      const created = await lastAudit();
      expect(created.action).toBe('kiosk.create');
      const id = created.entity_id;
      expectFieldErrors(await browser.post(`/admin/quioscos/${id}`, { ...kiosk, name: '' }), ['name']);
      expect((await browser.post(`/admin/quioscos/${id}`, { ...kiosk, active: '' })).statusCode).toBe(303);
      const kioskRow = await database.db
        .selectFrom('kiosks')
        .select(['name', 'active'])
        .where('id', '=', Number(id))
        .executeTakeFirst();
      expect(kioskRow).toEqual({ name: 'Centro comercial Unicentro', active: false });

      expect(
        (
          await browser.post('/admin/textos', {
            key: 'contacto.telefono',
            locale: 'es',
            value: '(601) 307 8064',
          })
        ).statusCode,
      ).toBe(303);
      expect(
        (
          await browser.post('/admin/textos', {
            key: 'contacto.telefono',
            locale: 'es',
            value: '(601) 307 8000',
          })
        ).statusCode,
      ).toBe(303);
      const update = await lastAudit();
      expect(update).toMatchObject({ action: 'site_text.update', entity_id: 'contacto.telefono:es' });
      expect(update.before).toEqual({ value: '(601) 307 8064' });
      const texts = await browser.get('/admin/textos');
      expect(texts.body).toContain('(601) 307 8000');
      expect(
        (await browser.post('/admin/textos/eliminar', { key: 'contacto.telefono', locale: 'es' })).statusCode,
      ).toBe(303);
      expect((await lastAudit()).action).toBe('site_text.delete');
      expect(await database.db.selectFrom('site_texts').selectAll().execute()).toEqual([]);
    });
  });

  describe('staff accounts', () => {
    it('refuses bad account forms', async () => {
      const before = await auditCount();
      expectFieldErrors(await browser.post('/admin/funcionarios', {}), ['email', 'role']);
      expectFieldErrors(await browser.post('/admin/funcionarios', { email: 'sin-arroba', role: 'rey' }), [
        'email',
        'role',
      ]);
      expectFieldErrors(
        await browser.post('/admin/funcionarios', { email: national.email, role: 'auditor' }),
        ['email'],
      );
      expectFieldErrors(
        await browser.post('/admin/funcionarios', { email: 'a@dian.test', role: 'admin_seccional' }),
        ['offices'],
      );
      for (const offices of ['0501', '05:video', '9999', 'once']) {
        expectFieldErrors(
          await browser.post('/admin/funcionarios', {
            email: 'a@dian.test',
            role: 'admin_seccional',
            offices,
          }),
          ['offices'],
        );
      }
      expectFieldErrors(
        await browser.post('/admin/funcionarios', { email: 'a@dian.test', role: 'auditor', offices: '05' }),
        ['offices'],
      );
      // Nobody demotes or deactivates themselves (and so the last national administrator stays).
      expectFieldErrors(
        await browser.post(`/admin/funcionarios/${national.id}`, {
          name: 'Yo',
          role: 'auditor',
          active: 'on',
        }),
        ['role'],
      );
      expectFieldErrors(
        await browser.post(`/admin/funcionarios/${national.id}`, { name: 'Yo', role: 'admin_nacional' }),
        ['active'],
      );
      expect(
        (await browser.post(`/admin/funcionarios/${national.id}/restablecer-contrasena`)).statusCode,
      ).toBe(403);
      expect(await auditCount()).toBe(before);
    });

    it('creates an account showing its one-time password once, edits it and resets its credentials', async () => {
      const created = await browser.post('/admin/funcionarios', {
        email: 'Mesa.Uno@dian.test',
        name: 'Mesa Uno',
        role: 'funcionario',
        offices: '0501, 0502:video',
      });
      expect(created.statusCode).toBe(200);
      expect(created.headers['cache-control']).toBe('no-store');
      const otp = /id="one-time-password">([a-z0-9-]+)</.exec(created.body)?.[1] ?? '';
      expect(otp).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
      const event = await lastAudit();
      expect(event.action).toBe('staff.create');
      expect(event.after).toEqual({
        email: 'Mesa.Uno@dian.test',
        name: 'Mesa Uno',
        role: 'funcionario',
        active: true,
        scopes: ['0501', '0502:video'],
      });
      expect(JSON.stringify(event.after)).not.toContain(otp);
      const id = Number(event.entity_id);

      // The one-time password signs in (e-mail in any case), and must be changed first.
      const person = new AdminBrowser(app);
      await person.get('/admin/ingreso');
      expect(
        (await person.post('/admin/ingreso', { email: 'mesa.uno@DIAN.test', password: otp })).statusCode,
      ).toBe(303);
      expect((await person.get('/admin')).headers.location).toBe('/admin/contrasena');

      expect(
        (
          await browser.post(`/admin/funcionarios/${id}`, {
            name: 'Mesa Uno',
            role: 'funcionario',
            offices: '0501',
          })
        ).statusCode,
      ).toBe(303);
      const update = await lastAudit();
      expect(update.before).toMatchObject({ active: true, scopes: ['0501', '0502:video'] });
      expect(update.after).toMatchObject({ active: false, scopes: ['0501'] });
      // Deactivation ends the person's sessions.
      expect((await person.get('/admin')).headers.location).toMatch(/^\/admin\/ingreso/);

      const reset = await browser.post(`/admin/funcionarios/${id}/restablecer-contrasena`);
      expect(reset.statusCode).toBe(200);
      const otp2 = /id="one-time-password">([a-z0-9-]+)</.exec(reset.body)?.[1];
      expect(otp2).toBeDefined();
      expect(otp2).not.toBe(otp);
      expect((await lastAudit()).action).toBe('staff.reset_password');
    });

    it('unlocks a locked account and removes a second factor', async () => {
      const locked = await aStaffMember(database.db, { role: 'admin_seccional', offices: ['05'] });
      const other = new AdminBrowser(app);
      await other.get('/admin/ingreso');
      // Locked as five wrong second-factor codes lock it (wrong passwords never do: decision 005).
      await database.db
        .updateTable('staff')
        .set({ failed_attempts: 5, locked_until: new Date(clock.now().getTime() + 15 * 60_000) })
        .where('id', '=', locked.id)
        .execute();
      expect(
        (await other.post('/admin/ingreso', { email: locked.email, password: PASSWORD })).statusCode,
      ).toBe(400);
      const page = await browser.get(`/admin/funcionarios/${locked.id}`);
      expect(page.body).toContain(`/admin/funcionarios/${locked.id}/desbloquear`);
      expect((await browser.post(`/admin/funcionarios/${locked.id}/desbloquear`)).statusCode).toBe(303);
      expect(
        (await browser.post(`/admin/funcionarios/${locked.id}/restablecer-segundo-factor`)).statusCode,
      ).toBe(303);
      expect((await lastAudit()).action).toBe('staff.reset_totp');
      // Signing in now asks for a new enrolment.
      expect(
        (await other.post('/admin/ingreso', { email: locked.email, password: PASSWORD })).statusCode,
      ).toBe(303);
      expect((await other.get('/admin')).headers.location).toBe('/admin/segundo-factor');
    });
  });

  it('pages the audit trail 50 events at a time, newest first', async () => {
    await database.db.transaction().execute(async (trx) => {
      for (let i = 1; i <= 60; i++) {
        await recordAudit(trx, {
          occurredAt: new Date(clock.now().getTime() + i * 1000),
          actorStaffId: null,
          actor: 'cli',
          action: 'probe.touch',
          entityType: 'probe',
          entityId: `p${i}`,
          officeCode: null,
          before: null,
          after: { i },
        });
      }
    });
    const first = await browser.get('/admin/auditoria?entidad=probe');
    expect(textOf(first.body)).toContain('60 evento(s). Página 1 de 2.');
    const rows = (html: string) => [...html.matchAll(/probe (p\d+)/g)].map((m) => m[1]);
    expect(rows(first.body)).toHaveLength(50);
    expect(rows(first.body)[0]).toBe('p60');
    expect(first.body).toContain('href="/admin/auditoria?entidad=probe&amp;pagina=2" rel="next"');
    const second = await browser.get('/admin/auditoria?entidad=probe&pagina=2');
    expect(rows(second.body)).toEqual(['p10', 'p9', 'p8', 'p7', 'p6', 'p5', 'p4', 'p3', 'p2', 'p1']);
    expect(second.body).toContain('rel="prev"');
    expect(second.body).not.toContain('rel="next"');
  });

  it('refuses a bad audit filter with a message and keeps the chain intact through all of the above', async () => {
    // Changes of its own to read back, whatever ran before: a procedure created and deactivated, and a
    // run of other events.
    const own = { ...PROCEDURE, code: 'devolucion-iva-auditoria' };
    expect((await browser.post('/admin/tramites', own)).statusCode).toBe(303);
    expect((await browser.post(`/admin/tramites/${own.code}/desactivar`)).statusCode).toBe(303);
    await database.db.transaction().execute(async (trx) => {
      for (let i = 1; i <= 15; i++) {
        await recordAudit(trx, {
          occurredAt: clock.now(),
          actorStaffId: null,
          actor: 'cli',
          action: 'probe.touch',
          entityType: 'probe-chain',
          entityId: `c${i}`,
          officeCode: null,
          before: null,
          after: { i },
        });
      }
    });
    const bad = await browser.get('/admin/auditoria?desde=2026-02-30&hasta=ayer');
    expectFieldErrors(bad, ['desde', 'hasta']);
    const order = await browser.get('/admin/auditoria?desde=2026-03-05&hasta=2026-03-01');
    expectFieldErrors(order, ['hasta']);
    const today = await browser.get('/admin/auditoria?desde=2026-03-04&hasta=2026-03-04&entidad=procedure');
    expect(today.statusCode).toBe(200);
    const rows = textOf(today.body.slice(today.body.indexOf('<tbody>')));
    expect(rows).toContain('procedure.deactivate');
    expect(rows).toContain('procedure.create');
    expect(rows).not.toContain('office.');
    const result = await verifyAuditChain(database.db);
    expect(result.break).toBeNull();
    expect(result.events).toBeGreaterThan(15);
  });
});
