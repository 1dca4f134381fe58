import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { confirmHold, placeHold } from '../../src/services/booking.js';
import { AdminBrowser, aStaffMember, type TestStaff } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, consent } from '../helpers/factories.js';
import {
  changedTables,
  databaseFingerprint,
  fillPath,
  formsOf,
  type RegisteredRoute,
  registeredRoutes,
} from '../helpers/routes.js';

/**
 * The security suite (issue 7): every registered route, public and staff, gets hostile input: wrong
 * types, missing and unknown fields, 1 MB bodies, SQL injection, HTML/JS, Unicode edge cases, path
 * traversal, impossible and far-future dates. No answer may be a 500; every refusal is a clear 4xx
 * (problem+json on the API, an HTML page elsewhere); a refused request stores nothing; whatever is
 * accepted is shown escaped.
 */

const SQL_INJECTION = [
  "' OR '1'='1",
  "'; DROP TABLE applicants; --",
  "1' UNION SELECT password_hash FROM staff --",
];
const XSS = ['<script>alert("xss")</script>', '"><img src=x onerror=alert(1)>', "'><svg/onload=alert(1)>"];
const UNICODE = [
  '\u202Eevil\u202C',
  'a\u200Bb\u200Dc\uFEFF',
  '😀👨‍👩‍👧',
  'Jose\u0301 Nun\u0303ez',
  'null\u0000byte',
  'ﷺ'.repeat(300),
];
const DATES = ['2026-02-30', '0000-00-00', '9999-12-31', '2999-01-01T00:00:00Z', 'mañana'];
/** What goes into every text field, one request per value. */
const HOSTILE = [
  ...SQL_INJECTION,
  ...XSS,
  ...UNICODE,
  ...DATES,
  '../../../../etc/passwd',
  'x'.repeat(5000),
  '',
];
/** Values for path parameters (text that travels in a URL: no lone surrogates). */
const HOSTILE_PARAMS = [
  "1' OR '1'='1",
  '<script>x</script>',
  '-1',
  '99999999999999999999',
  '1.5',
  '%00',
  '..',
  '\u202E',
  'x'.repeat(300),
];
const WRONG_TYPES: unknown[] = [true, null, [], {}, 2_147_483_648, '1'];
const MEGABYTE = 'x'.repeat(1024 * 1024);
const QUERY_KEYS = [
  'procedure',
  'channel',
  'office',
  'city',
  'department',
  'from',
  'to',
  'date',
  'volver',
  'aviso',
  'accion',
  'desde',
  'hasta',
  'pagina',
  'oficina',
  'q',
];

/** Routes left out of the body fuzzing, with why. */
const NOT_FUZZED: Record<string, string> = {
  // Its only effect is ending the session the suite uses; its CSRF check is covered by csrf-coverage.
  'POST /admin/salir': 'signs the suite out',
};

/**
 * Rejected requests that rightly leave a trace: a wrong current password counts towards the account's
 * lockout (staff.failed_attempts), which is the protection itself.
 */
const TRACE_ALLOWED: Record<string, string[]> = {
  'POST /admin/contrasena': ['staff'],
  'POST /admin/ingreso': ['staff'],
};

type Jsonish = null | boolean | number | string | Jsonish[] | { [k: string]: Jsonish };

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  examples?: unknown[];
}

/** A plausible value for a schema: its example, its first choice, or something of its type. */
function exampleOf(schema: JsonSchema | undefined): Jsonish {
  if (!schema) return 'x';
  if (schema.examples?.[0] !== undefined) return schema.examples[0] as Jsonish;
  if (schema.enum?.[0] !== undefined) return schema.enum[0] as Jsonish;
  if (schema.anyOf?.[0]) return exampleOf(schema.anyOf[0]);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, exampleOf(v)]));
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    default:
      return 'x';
  }
}

/** Every string leaf of a value replaced by `s`. */
function withStrings(value: Jsonish, s: string): Jsonish {
  if (typeof value === 'string') return s;
  if (Array.isArray(value)) return value.map((v) => withStrings(v, s));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withStrings(v, s)]));
  return value;
}

/** The paths (`a`, `a.b`) of every leaf of an object. */
function leafPaths(value: Jsonish, prefix: string[] = []): string[][] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  }
  return prefix.length > 0 ? [prefix] : [];
}

function setAt(value: Jsonish, path: string[], to: unknown): Jsonish {
  const copy = structuredClone(value) as Record<string, Jsonish>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, Jsonish>;
  node[path[path.length - 1] as string] = to as Jsonish;
  return copy;
}

function isApi(path: string): boolean {
  return path.startsWith('/api/');
}

describe.each(engines())('security suite on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  let routes: RegisteredRoute[];
  const clock = new TestClock(new Date('2026-12-01T12:00:00Z'));
  let admin: TestStaff;
  let staff: AdminBrowser;
  let citizen: AdminBrowser;
  let params: Record<string, Record<string, string>>;
  let slotId: number;
  let line: number;
  const failures: string[] = [];

  /** A clear answer: no 500; a refusal says what it is (problem+json on the API, a page elsewhere). */
  function check(label: string, path: string, response: LightMyRequestResponse): void {
    if (response.statusCode >= 500) {
      failures.push(`${label} → ${response.statusCode} ${response.body.slice(0, 200)}`);
      return;
    }
    if (response.statusCode < 400) return;
    const type = String(response.headers['content-type'] ?? '');
    if (isApi(path)) {
      const body = response.json() as { code?: string; title?: string; status?: number };
      if (!type.startsWith('application/problem+json') || !body.code || !body.title)
        failures.push(`${label} → ${response.statusCode} without problem+json: ${type}`);
    } else if (!type.startsWith('text/html') || !/<h1[\s>]/.test(response.body)) {
      failures.push(`${label} → ${response.statusCode} without an error page: ${type}`);
    }
  }

  async function ensureStaffSession(): Promise<void> {
    await database.db
      .updateTable('staff')
      .set({ failed_attempts: 0, locked_until: null })
      .where('id', '=', admin.id)
      .execute();
    if ((await staff.get('/admin')).statusCode !== 200) {
      staff = new AdminBrowser(app, '10.7.0.1');
      await staff.signIn(admin, clock);
    }
  }

  async function send(
    browser: AdminBrowser,
    method: string,
    url: string,
    body?: { json?: unknown; raw?: string; form?: Record<string, string | string[]> },
    contentType?: string,
  ): Promise<LightMyRequestResponse> {
    let payload: string | undefined;
    let type = contentType;
    if (body?.raw !== undefined) payload = body.raw;
    else if (body?.json !== undefined) {
      payload = JSON.stringify(body.json);
      type ??= 'application/json';
    } else if (body?.form) {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(body.form)) for (const item of [v].flat()) p.append(k, item);
      payload = p.toString();
      type ??= 'application/x-www-form-urlencoded';
    }
    return app.inject({
      method: method as 'GET',
      url,
      ...(payload !== undefined ? { payload } : {}),
      headers: type ? { 'content-type': type } : {},
      cookies: Object.fromEntries(browser.cookies),
      remoteAddress: '10.7.0.1',
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {}, clock.now);
    routes = registeredRoutes(app);
    admin = await aStaffMember(database.db, { role: 'admin_nacional' });
    const target = await aStaffMember(database.db, { role: 'funcionario', offices: ['11'] });
    staff = new AdminBrowser(app, '10.7.0.1');
    await staff.signIn(admin, clock);
    citizen = new AdminBrowser(app, '10.7.0.2');
    await citizen.get('/mis-datos');

    line = await aCapacityLine(database.db, { procedures: ['orientacion-tributaria'] });
    slotId = await aSlot(database.db, { line, startsAt: '2026-12-03T14:00:00Z', capacity: 50 });
    const ctx = { db: database.db, config: app.deps.config, now: clock.now() };
    const hold = await placeHold(ctx, {
      slotId,
      procedure: 'orientacion-tributaria',
      channel: 'presencial',
      sessionKey: null,
    });
    const spare = await placeHold(ctx, {
      slotId,
      procedure: 'orientacion-tributaria',
      channel: 'presencial',
      sessionKey: null,
    });
    const booked = await confirmHold(ctx, {
      holdId: spare.holdId,
      applicant: anApplicant(),
      consent,
      via: 'api',
      locale: 'es',
    });
    const offices = await database.db
      .selectFrom('offices')
      .select('code')
      .where('code', '!=', '11')
      .orderBy('code', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const procedure = await database.db
      .selectFrom('procedures')
      .select('code')
      .where('code', '!=', 'orientacion-tributaria')
      .orderBy('code', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const kiosk = await database.db.selectFrom('kiosks').select('id').limit(1).executeTakeFirst();
    // Real values for each route's parameters, so requests reach the validation behind them.
    params = {
      '/admin/oficinas': { code: offices.code },
      '/admin/tramites': { code: procedure.code },
      '/admin/canales': { code: 'correo' },
      '/admin/quioscos': { id: String(kiosk?.id ?? 1) },
      '/admin/funcionarios': { id: String(target.id) },
      '/api/v1/appointments': { code: booked.code },
      '/api/v1/holds': { holdId: String(hold.holdId) },
      '/dev/mailbox': { id: '1', index: '0' },
      '/idioma': { lang: 'en' },
      '': { token: 'A'.repeat(32) },
    };
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  function realParams(path: string): Record<string, string> {
    const found = Object.entries(params)
      .filter(([prefix]) => path.startsWith(prefix))
      .sort((a, b) => b[0].length - a[0].length);
    return { ...params[''], ...(found[0]?.[1] ?? {}) };
  }

  const browserFor = (path: string) => (path.startsWith('/admin') ? staff : citizen);

  it('finds every route of the app, public and staff', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    for (const expected of [
      'GET /',
      'POST /api/v1/holds',
      'POST /api/v1/holds/:holdId/confirm',
      'POST /alertas',
      'POST /mis-datos/acceso/:token/eliminar',
      'POST /admin/oficinas/:code',
      'GET /admin/auditoria',
    ]) {
      expect(keys).toContain(expected);
    }
    expect(routes.length).toBeGreaterThan(60);
  });

  it('answers hostile path parameters and query strings on every GET route without a 500', async () => {
    await ensureStaffSession();
    for (const route of routes.filter((r) => r.method === 'GET' && !r.path.includes('*'))) {
      const browser = browserFor(route.path);
      const names = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);
      const urls = [fillPath(route.path, realParams(route.path))];
      for (const name of names) {
        for (const value of HOSTILE_PARAMS)
          urls.push(fillPath(route.path, { ...realParams(route.path), [name]: value }));
      }
      const base = urls[0] as string;
      for (const value of [...SQL_INJECTION, ...XSS, ...UNICODE.slice(0, 4), ...DATES, 'x'.repeat(3000)]) {
        const query = QUERY_KEYS.map((k) => `${k}=${encodeURIComponent(value)}`).join('&');
        urls.push(`${base}?${query}`);
      }
      urls.push(`${base}?${QUERY_KEYS.map((k) => `${k}=a&${k}=b&${k}[x]=c`).join('&')}`);
      for (const url of urls) check(`GET ${url.slice(0, 120)}`, route.path, await send(browser, 'GET', url));
    }
    expect(failures).toEqual([]);
  });

  it('answers hostile bodies on every POST route with a clear 4xx and stores nothing from a refused one', async () => {
    const openapi = app.swagger() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
      >;
    };
    // The fields of every form the app shows, by the address it posts to.
    const formFields = new Map<string, string[]>();
    await ensureStaffSession();
    for (const route of routes.filter((r) => r.method === 'GET' && !r.path.includes('*'))) {
      const page = await send(browserFor(route.path), 'GET', fillPath(route.path, realParams(route.path)));
      for (const form of formsOf(page.body)) {
        if (form.method !== 'post') continue;
        const action = form.action.split('?')[0] ?? '';
        formFields.set(action, [...new Set([...(formFields.get(action) ?? []), ...form.fields])]);
      }
    }

    let fuzzed = 0;
    for (const route of routes.filter((r) => r.method === 'POST')) {
      const key = `POST ${route.path}`;
      if (key in NOT_FUZZED) continue;
      if (route.path.startsWith('/admin')) await ensureStaffSession();
      const browser = browserFor(route.path);
      const url = fillPath(route.path, realParams(route.path));
      const bodies: { label: string; body: Parameters<typeof send>[3]; type?: string }[] = [];
      if (isApi(route.path)) {
        const schema =
          openapi.paths[route.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.post?.requestBody?.content[
            'application/json'
          ]?.schema;
        const base = exampleOf(schema);
        if (route.path === '/api/v1/holds') (base as Record<string, Jsonish>).slotId = slotId;
        bodies.push({ label: 'empty', body: { raw: '' }, type: 'application/json' });
        for (const raw of ['null', '[]', '{"a":', '{"__proto__":{"x":1}}'])
          bodies.push({ label: raw, body: { raw }, type: 'application/json' });
        bodies.push({ label: 'missing fields', body: { json: {} } });
        bodies.push({ label: 'unknown field', body: { json: { ...(base as object), unknownField: 'x' } } });
        for (const path of leafPaths(base)) {
          for (const wrong of WRONG_TYPES)
            bodies.push({
              label: `${path.join('.')}=${JSON.stringify(wrong)}`,
              body: { json: setAt(base, path, wrong) },
            });
        }
        for (const s of [...HOSTILE, '\uD800'])
          bodies.push({ label: `strings=${s.slice(0, 30)}`, body: { json: withStrings(base, s) } });
        bodies.push({ label: '1 MB', body: { json: withStrings(base, MEGABYTE) } });
      } else {
        const fields = (formFields.get(url) ?? ['name', 'email', 'code']).filter((f) => f !== '_csrf');
        const form = (value: string | string[]) => ({
          _csrf: browser.csrf ?? '',
          ...Object.fromEntries(fields.map((f) => [f, value])),
        });
        bodies.push({ label: 'missing fields', body: { form: { _csrf: browser.csrf ?? '' } } });
        bodies.push({
          label: 'unknown field',
          body: { form: { _csrf: browser.csrf ?? '', unknownField: 'x' } },
        });
        bodies.push({ label: 'repeated fields', body: { form: form(['a', 'b']) } });
        for (const s of HOSTILE) bodies.push({ label: `fields=${s.slice(0, 30)}`, body: { form: form(s) } });
        for (const wrong of [null, {}, [], 1]) {
          bodies.push({
            label: `json fields=${JSON.stringify(wrong)}`,
            body: {
              json: { _csrf: browser.csrf ?? '', ...Object.fromEntries(fields.map((f) => [f, wrong])) },
            },
          });
        }
        bodies.push({ label: '1 MB', body: { form: form(MEGABYTE) } });
        bodies.push({ label: 'not a form', body: { raw: '<x/>' }, type: 'application/xml' });
      }
      let before = await databaseFingerprint(database.db);
      for (const { label, body, type } of bodies) {
        const response = await send(browser, 'POST', url, body, type);
        check(`${key} [${label}]`, route.path, response);
        const after = await databaseFingerprint(database.db);
        if (response.statusCode >= 400) {
          const changed = changedTables(before, after).filter((t) => !(TRACE_ALLOWED[key] ?? []).includes(t));
          if (changed.length > 0)
            failures.push(`${key} [${label}] → ${response.statusCode} but changed ${changed}`);
        }
        before = after;
        fuzzed += 1;
      }
    }
    expect(failures).toEqual([]);
    expect(fuzzed).toBeGreaterThan(400);
  });

  it('accepts names with combining accents, RTL marks and zero-width characters; refuses emoji clearly', async () => {
    const names: [string, string | null][] = [
      ['Jose\u0301 Nun\u0303ez', 'José Nuñez'],
      ['\u200Fمحمد\u200F', 'محمد'],
      ['Zo\u200Bë', 'Zoë'],
      ['\u202EAna\u202C', 'Ana'],
      ['Ana 😀', null],
    ];
    for (const [firstName, stored] of names) {
      const hold = await app.inject({
        method: 'POST',
        url: '/api/v1/holds',
        payload: { slotId, procedure: 'orientacion-tributaria', channel: 'presencial' },
      });
      expect(hold.statusCode).toBe(201);
      const applicant = anApplicant({ firstName });
      const confirmed = await app.inject({
        method: 'POST',
        url: `/api/v1/holds/${hold.json().holdId}/confirm`,
        payload: { applicant, consent },
      });
      const row = await database.db
        .selectFrom('applicants')
        .select('first_name')
        .where('document_number', '=', applicant.documentNumber as string)
        .executeTakeFirst();
      if (stored === null) {
        expect(confirmed.statusCode, firstName).toBe(422);
        expect(confirmed.json().errors).toEqual([
          { field: 'applicant.firstName', message: expect.stringMatching(/.+/) },
        ]);
        expect(row).toBeUndefined();
      } else {
        expect(confirmed.statusCode, firstName).toBe(201);
        expect(row?.first_name).toBe(stored);
      }
    }
  });

  it('shows accepted HTML/JS payloads escaped on the audit page and on every page', async () => {
    await ensureStaffSession();
    const payload = XSS[0] as string;
    const attribute = XSS[1] as string;
    const office = await staff.post('/admin/oficinas', {
      code: '0598',
      name: payload,
      kind: 'impuestos',
      seccional: '05',
      city: '76001',
      address: attribute,
      hoursEs: 'Lunes a viernes de 8:00 a 16:00',
      hoursEn: 'Monday to Friday 8:00–16:00',
      desks: '3',
      active: 'on',
    });
    expect(office.statusCode).toBe(303);
    const audit = await staff.get('/admin/auditoria');
    expect(audit.statusCode).toBe(200);
    // Preact escapes `<`, `&` and `"`; a lone `>` cannot open markup.
    expect(audit.body).toContain('&lt;script>alert(&quot;xss&quot;)&lt;/script>');
    expect(audit.body).toContain('&quot;>&lt;img src=x onerror=alert(1)>');
    // Every page, as staff and as a citizen: the payloads never come back as markup.
    const pages = routes.filter(
      (r) => r.method === 'GET' && !r.path.includes('*') && !r.path.includes('/html'),
    );
    let seen = 0;
    for (const route of pages) {
      const url = fillPath(route.path, {
        ...realParams(route.path),
        code: route.path.startsWith('/admin/oficinas') ? '0598' : (realParams(route.path).code ?? ''),
      });
      for (const browser of [staff, citizen]) {
        const page = await send(browser, 'GET', url);
        if (!String(page.headers['content-type']).startsWith('text/html')) continue;
        for (const raw of [...XSS.slice(0, 3), '<svg/onload']) expect(page.body, url).not.toContain(raw);
        if (page.body.includes('&lt;script>alert(')) seen += 1;
      }
    }
    expect(seen).toBeGreaterThan(1);
    const row = await sql<{ name: string }>`SELECT name FROM offices WHERE code = '0598'`.execute(
      database.db,
    );
    expect(row.rows[0]?.name).toBe(payload);
  });

  it('serves no file outside the public folder, whatever the path', async () => {
    for (const url of [
      '/assets/../package.json',
      '/assets/../../../../etc/passwd',
      '/assets/%2e%2e/package.json',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
      '/assets/css/..%5c..%5cpackage.json',
      '/assets/....//....//package.json',
      '/assets/%00',
      '/assets/css/site.css%00.js',
      '/assets/..%252f..%252fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets//etc/passwd',
    ]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.body, url).not.toContain('agendamiento-de-citas');
      expect(response.body, url).not.toContain('root:x:0');
    }
    expect((await app.inject({ url: '/assets/css/site.css' })).statusCode).toBe(200);
  });
});
