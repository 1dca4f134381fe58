import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { AdminBrowser, aStaffMember, PASSWORD } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, consent } from '../helpers/factories.js';
import { registeredRoutes } from '../helpers/routes.js';

/** The directives of a Content-Security-Policy header, by name. */
function cspOf(response: LightMyRequestResponse): Map<string, string[]> {
  const header = String(response.headers['content-security-policy'] ?? '');
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return directives;
}

interface SetCookie {
  name: string;
  attributes: Set<string>;
  raw: string;
}

function setCookies(response: LightMyRequestResponse): SetCookie[] {
  const header = response.headers['set-cookie'];
  const list = header === undefined ? [] : Array.isArray(header) ? header : [String(header)];
  return list.map((raw) => {
    const [pair = '', ...attrs] = raw.split(';').map((s) => s.trim());
    return {
      name: pair.split('=')[0] ?? '',
      attributes: new Set(attrs.map((a) => a.toLowerCase())),
      raw,
    };
  });
}

const MEGABYTE = 1024 * 1024;
const PAGES = ['/', '/alertas', '/mis-datos', '/admin/ingreso', '/no-such-page'];

describe('HTTP hardening', () => {
  let database: TestDatabase;
  let plain: App;
  let secure: App;
  let slotId: number;
  const clock = new TestClock(new Date('2026-12-01T12:00:00Z'));

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    plain = await buildTestApp(database, {}, clock.now);
    secure = await buildTestApp(database, { publicUrl: 'https://citas.dian.test' }, clock.now);
    const line = await aCapacityLine(database.db);
    slotId = await aSlot(database.db, { line, startsAt: '2026-12-03T14:00:00Z', capacity: 50 });
  });
  afterAll(async () => {
    await plain.close();
    await secure.close();
    await database.destroy();
  });

  it('sends a strict CSP with nothing inline, no framing, a same-origin referrer and no X-Powered-By', async () => {
    const responses = [
      ...(await Promise.all(PAGES.map((url) => plain.inject({ url })))),
      await plain.inject({ url: '/api/v1/procedures' }),
      await plain.inject({ url: '/assets/css/site.css' }),
    ];
    for (const response of responses) {
      const url = response.raw.req.url;
      const csp = cspOf(response);
      expect(csp.get('default-src'), url).toEqual(["'self'"]);
      expect(csp.get('script-src'), url).toEqual(["'self'"]);
      expect(csp.get('style-src'), url).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(csp.get('object-src'), url).toEqual(["'none'"]);
      expect(String(response.headers['content-security-policy']), url).not.toMatch(/unsafe-(inline|eval)/);
      expect(response.headers['referrer-policy'], url).toBe('same-origin');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['x-powered-by'], url).toBeUndefined();
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('serves pages the CSP allows: no inline script, no style element or attribute, no outside resource', async () => {
    // Every page without parameters the app registers, so new pages are checked too.
    const urls = registeredRoutes(plain)
      .filter((r) => r.method === 'GET' && !r.path.includes(':') && !r.path.includes('*'))
      .map((r) => r.path);
    expect(urls.length).toBeGreaterThan(30);
    let pages = 0;
    for (const url of [...urls, '/no-such-page']) {
      const response = await plain.inject({ url });
      if (!String(response.headers['content-type']).startsWith('text/html')) continue;
      pages += 1;
      const { body } = response;
      expect(body, url).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(body, url).not.toMatch(/<style[\s>]/);
      expect(body, url).not.toMatch(/\sstyle=/);
      expect(body, url).not.toMatch(/\son[a-z]+=/);
      // Links to other sites are fine; nothing the page loads may come from one.
      expect(body, url).not.toMatch(/\ssrc="(https?:)?\/\//);
      expect(body, url).not.toMatch(/<link\b[^>]*\shref="(https?:)?\/\//);
    }
    expect(pages).toBeGreaterThan(20);
  });

  /**
   * A NIT for deadline-day places, hold, data, consent, confirmation and Gestionar cita through the
   * pages: every cookie they set.
   */
  async function bookThroughPages(app: App, address: string): Promise<LightMyRequestResponse[]> {
    const browser = new AdminBrowser(app, address);
    const seen: LightMyRequestResponse[] = [];
    const step = async (r: Promise<LightMyRequestResponse>) => {
      const response = await r;
      seen.push(response);
      return response;
    };
    const criteria = {
      tramite: 'orientacion-tributaria',
      canal: 'presencial',
      oficina: '11',
      fecha: '2026-12-03',
    };
    await step(
      browser.get(
        '/reservar/horas?tramite=orientacion-tributaria&canal=presencial&oficina=11&fecha=2026-12-03',
      ),
    );
    const nit = await step(
      browser.post('/reservar/nit', { ...criteria, volver: 'horas', accion: 'usar', nit: '800.197.268-4' }),
    );
    expect(nit.statusCode).toBe(303);
    const held = await step(
      browser.post('/reservar/horario', {
        horario: String(slotId),
        tramite: 'orientacion-tributaria',
        canal: 'presencial',
        oficina: '11',
        fecha: '2026-12-03',
      }),
    );
    const dataUrl = String(held.headers.location);
    await step(browser.get(dataUrl));
    const person = anApplicant();
    const data = await step(
      browser.post(
        dataUrl,
        Object.fromEntries(Object.entries(person).map(([k, v]) => [`applicant.${k}`, v])),
      ),
    );
    await step(browser.get(String(data.headers.location)));
    const consented = await step(
      browser.post(String(data.headers.location), {
        'consent.accepted': 'on',
        'consent.policyVersion': consent.policyVersion,
      }),
    );
    await step(browser.get(String(consented.headers.location)));
    const confirmed = await step(browser.post(`/reservar/confirmar?reserva=${dataUrl.split('=')[1]}`));
    const page = await step(browser.get(String(confirmed.headers.location)));
    const code = /id="confirmation-code">([A-Z0-9-]+)</.exec(page.body)?.[1] ?? '';
    await step(browser.get('/gestionar'));
    const managed = await step(
      browser.post('/gestionar', { code, documentNumber: person.documentNumber as string }),
    );
    expect(managed.statusCode).toBe(303);
    return seen;
  }

  it('turns on HSTS and Secure cookies only when PUBLIC_URL is https, every cookie HttpOnly and SameSite', async () => {
    const staff = await aStaffMember(database.db, { role: 'funcionario', offices: ['11'] });
    for (const [app, https] of [
      [plain, false],
      [secure, true],
    ] as const) {
      const home = await app.inject({ url: '/' });
      if (https) {
        expect(home.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
        expect(cspOf(home).has('upgrade-insecure-requests')).toBe(true);
      } else expect(home.headers['strict-transport-security']).toBeUndefined();

      const form = await app.inject({ url: '/mis-datos' });
      const lang = await app.inject({ url: '/idioma/en?volver=/' });
      const hold = await app.inject({
        method: 'POST',
        url: '/api/v1/holds',
        payload: { slotId, procedure: 'orientacion-tributaria', channel: 'presencial' },
      });
      expect(hold.statusCode).toBe(201);
      const browser = new AdminBrowser(app, https ? '10.9.0.2' : '10.9.0.1');
      await browser.get('/admin/ingreso');
      const signIn = await browser.post('/admin/ingreso', { email: staff.email, password: PASSWORD });
      expect(signIn.statusCode).toBe(303);

      const journey = await bookThroughPages(app, https ? '10.9.1.2' : '10.9.1.1');

      const cookies = [form, lang, hold, signIn, ...journey].flatMap(setCookies);
      const names = [...new Set(cookies.map((c) => c.name))].sort();
      expect(names).toEqual(
        https
          ? ['__Host-agenda_staff', '__Host-csrf', 'cita', 'gestion', 'lang', 'nit', 'sid'].sort()
          : ['agenda_staff', 'csrf', 'cita', 'gestion', 'lang', 'nit', 'sid'].sort(),
      );
      for (const cookie of cookies) {
        expect(cookie.attributes.has('httponly'), cookie.raw).toBe(true);
        expect(
          cookie.attributes.has('samesite=lax') || cookie.attributes.has('samesite=strict'),
          cookie.raw,
        ).toBe(true);
        expect(cookie.attributes.has('secure'), cookie.raw).toBe(https);
        expect(
          [...cookie.attributes].some((a) => a.startsWith('path=/')),
          cookie.raw,
        ).toBe(true);
      }
    }
  });

  it('refuses a 1 MB body with 413 (problem+json on the API, a page elsewhere), never a 500', async () => {
    const bigJson = JSON.stringify({ slotId, procedure: 'x'.repeat(MEGABYTE), channel: 'presencial' });
    const api = await plain.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: bigJson,
      headers: { 'content-type': 'application/json' },
    });
    expect(api.statusCode).toBe(413);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(api.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });

    const bigForm = `documentNumber=${'9'.repeat(MEGABYTE)}&email=a%40b.co`;
    for (const url of ['/mis-datos', '/alertas', '/admin/ingreso']) {
      const page = await plain.inject({
        method: 'POST',
        url,
        payload: bigForm,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(page.statusCode, url).toBe(413);
      expect(page.headers['content-type'], url).toMatch(/^text\/html/);
      expect(page.body, url).toContain('<h1>');
    }

    const wrongType = await plain.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: '<slotId>1</slotId>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });

    const broken = await plain.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: '{"slotId": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('sends the language switch and the sign-in back only to this site, and never answers 500 for it', async () => {
    const hostile = [
      '//evil.example/x',
      '/\\evil.example',
      '/\t/evil.example',
      '\t//evil.example',
      '/%09/evil.example',
      'https://evil.example/',
      ' /reservar',
      '/con espacio',
      '/ñandú',
      '/a\r\nSet-Cookie: x=1',
      '/%0d%0aSet-Cookie:%20x=1',
    ];
    for (const volver of hostile) {
      const res = await plain.inject({ url: `/idioma/en?volver=${encodeURIComponent(volver)}` });
      expect(res.statusCode, JSON.stringify(volver)).toBe(303);
      expect(res.headers.location, JSON.stringify(volver)).toBe(volver.startsWith('/%') ? volver : '/');
      const admin = await plain.inject({ url: `/admin/entrar?volver=${encodeURIComponent(volver)}` });
      expect(admin.statusCode, JSON.stringify(volver)).toBeLessThan(500);
      expect(admin.body).not.toContain('evil.example');
    }
    const tooLong = await plain.inject({ url: `/idioma/en?volver=/${'x'.repeat(600)}` });
    expect(tooLong.statusCode).toBe(400);
    const fine = await plain.inject({
      url: `/idioma/en?volver=${encodeURIComponent('/reservar/horas?tramite=a&canal=b')}`,
    });
    expect(fine.headers.location).toBe('/reservar/horas?tramite=a&canal=b');
  });
});
