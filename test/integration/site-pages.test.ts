import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY_VERSION } from '../../src/domain/privacy-policy.js';
import type { App } from '../../src/http/types.js';
import { AdminBrowser, aStaffMember } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';

/** The micro-site's pages with the Spanish heading each must show. */
const PAGES: readonly [string, string, string][] = [
  ['/', 'Agende su cita con la autoridad tributaria y aduanera', 'Book an appointment with the tax'],
  ['/cuando-necesito-cita', '¿Cuándo necesito cita?', 'When do I need an appointment?'],
  ['/tramites', 'Trámites y servicios', 'Procedures and services'],
  [
    '/tramites/rut-pj',
    'Inscripción o actualización del RUT – persona jurídica',
    'RUT registration or update',
  ],
  ['/canales', 'Canales de atención', 'Attention channels'],
  ['/ayuda', 'Ayuda', 'Help'],
  ['/puntos-de-autoservicio', 'Puntos de autoservicio', 'Self-service points'],
  ['/privacidad', 'Política de tratamiento de datos personales', 'Personal data policy'],
];

const h1 = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
/** The procedure cards' titles on a catalogue page, in order. */
const cardTitles = (html: string) =>
  [...html.matchAll(/<h3 class="card-title"><a href="\/tramites\/([^"]+)"/g)].map((m) => m[1]);

describe.each(engines())('citizen micro-site pages on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {}, clock.now);
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const get = (url: string, lang?: 'en' | 'es') =>
    app.inject({ method: 'GET', url, ...(lang ? { cookies: { lang } } : {}) });

  it('serves every page in Spanish by default and in English with the language cookie', async () => {
    for (const [url, es, en] of PAGES) {
      const spanish = await get(url);
      expect(spanish.statusCode, url).toBe(200);
      expect(spanish.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(spanish.body).toContain('<html lang="es-CO">');
      expect(h1(spanish.body), url).toBe(es);
      const english = await get(url, 'en');
      expect(english.statusCode, url).toBe(200);
      expect(english.body).toContain('<html lang="en">');
      expect(h1(english.body), url).toContain(en);
    }
  });

  it('shows the main navigation with the current page marked, and the booking links', async () => {
    const res = await get('/canales');
    const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(res.body)?.[0] ?? '';
    for (const href of ['/', '/reservar', '/gestionar', '/tramites', '/canales', '/ayuda']) {
      expect(nav).toContain(`href="${href}"`);
    }
    expect(nav).toContain('<a href="/canales" aria-current="page">Canales</a>');
    expect(nav.match(/aria-current/g)).toHaveLength(1);
    const home = await get('/');
    expect(home.body).toContain('<a class="button button-start" href="/reservar">');
    expect(home.body).toContain('href="/gestionar"');
    expect(home.body).toContain('Es gratis.');
    expect(home.body).toContain('Sin intermediarios.');
  });

  it('answers an unknown procedure with the 404 page, in both languages', async () => {
    const res = await get('/tramites/no-existe');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(h1(res.body)).toBe('Página no encontrada');
    expect(res.body).toContain('Líneas de atención');
    // A procedure staff deactivated is gone from the site too.
    expect((await get('/tramites/transito-aduanero')).statusCode).toBe(200);
    await database.db
      .updateTable('procedures')
      .set({ active: false })
      .where('code', '=', 'transito-aduanero')
      .execute();
    expect((await get('/tramites/transito-aduanero')).statusCode).toBe(404);
    expect((await get('/tramites')).body).not.toContain('/tramites/transito-aduanero');
    await database.db
      .updateTable('procedures')
      .set({ active: true })
      .where('code', '=', 'transito-aduanero')
      .execute();
    const english = await get('/tramites/no-existe', 'en');
    expect(english.statusCode).toBe(404);
    expect(h1(english.body)).toBe('Page not found');
  });

  it('links each procedure to the booking journey, and online ones to their self-service first', async () => {
    const res = await get('/tramites/rut-pj');
    expect(res.body).toContain('href="/reservar?tramite=rut-pj"');
    expect(res.body).toContain('45 minutos');
    expect(res.body).toContain('Documento de identidad original');
    expect(res.body).toContain('Videoatención');
    const online = await get('/tramites/copia-rut');
    expect(online.statusCode).toBe(200);
    expect(online.body).toContain('Hágalo en línea, sin cita');
    expect(online.body).not.toContain('/reservar?tramite=copia-rut');
  });

  it('searches the catalogue by words without accents, by category and by channel', async () => {
    const all = cardTitles((await get('/tramites')).body);
    expect(all.length).toBeGreaterThanOrEqual(30);

    const rut = cardTitles((await get('/tramites?q=inscripcion+rut')).body);
    expect(rut).toContain('rut-inscripcion-pn');
    expect(rut).toContain('rut-pj');
    expect(rut).not.toContain('orientacion-aduanera');

    const customs = (await get('/tramites?categoria=aduanero')).body;
    expect(customs).toContain('<h2 id="categoria-aduanero">');
    expect(customs).not.toContain('<h2 id="categoria-tributario">');
    expect(customs).toContain('<option value="aduanero" selected>');

    // Switching language keeps the search.
    expect((await get('/tramites?q=rut')).body).toContain('href="/idioma/en?volver=%2Ftramites%3Fq%3Drut"');

    const phone = cardTitles((await get('/tramites?canal=telefono')).body);
    expect(phone).toContain('orientacion-tributaria');
    expect(phone).not.toContain('rut-pj');

    const none = await get('/tramites?q=zzzz%3Cscript%3E');
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('No encontramos trámites con esa búsqueda.');
    expect(none.body).toContain('value="zzzz&lt;script>"');
    expect(none.body).not.toContain('zzzz<script>');

    // An unknown category is ignored rather than refused; a value too long is a 400 page, not a 500.
    expect((await get('/tramites?categoria=nada')).statusCode).toBe(200);
    const long = await get(`/tramites?q=${'a'.repeat(300)}`);
    expect(long.statusCode).toBe(400);
    expect(long.headers['content-type']).toContain('text/html');
  });

  it('lists the procedures that need no appointment with their self-service links', async () => {
    const res = await get('/cuando-necesito-cita');
    expect(res.body).toContain('Copia del RUT');
    expect(res.body).toContain('href="https://muisca.dian.gov.co/WebIdentidadLogin/"');
    expect(res.body).toContain('href="/tramites/rut-pj"');
  });

  it('finds kiosks by city, with the department’s when a city has none', async () => {
    const cali = await get('/puntos-de-autoservicio?ciudad=76001');
    expect(cali.statusCode).toBe(200);
    expect(cali.body).toContain('Puntos de autoservicio en Cali');
    expect(cali.body).toContain('Cámara de Comercio de Cali');
    expect(cali.body).not.toContain('Cámara de Comercio de Bogotá');

    // Palmira (Valle del Cauca) has no kiosk: the ones of Cali, same department, are offered.
    const palmira = await get('/puntos-de-autoservicio?ciudad=76520');
    expect(palmira.body).toContain('No hay puntos de autoservicio en Palmira.');
    expect(palmira.body).toContain('Cámara de Comercio de Cali');

    // An inactive kiosk disappears from the site.
    await database.db
      .updateTable('kiosks')
      .set({ active: false })
      .where('name', '=', 'Cámara de Comercio de Cali')
      .execute();
    expect((await get('/puntos-de-autoservicio?ciudad=76001')).body).not.toContain(
      'Cámara de Comercio de Cali',
    );

    const unknown = await get('/puntos-de-autoservicio?ciudad=99999');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Elija una ciudad de la lista');
    expect(unknown.body).toContain('class="error-summary"');

    const english = await get('/puntos-de-autoservicio?ciudad=11001', 'en');
    expect(english.body).toContain('Self-service points in Bogotá D.C.');
    expect(english.body).toContain('Monday to Friday 8:00–17:00');
  });

  it('shows the policy version, the retention period and the link to the data-subject page', async () => {
    const res = await get('/privacidad');
    expect(res.body).toContain(`Versión ${POLICY_VERSION}`);
    expect(res.body).toContain('12 meses después de su última cita');
    expect(res.body).toContain('Ley 1581 de 2012');
    expect(res.body).toContain('href="/mis-datos"');
  });

  it('shows contact lines and help texts changed in site_texts, and the built-in ones otherwise', async () => {
    const before = await get('/ayuda');
    expect(before.body).toContain('Centro de contacto: (601) 307 8064');
    await database.db
      .insertInto('site_texts')
      .values([
        { key: 'contacto.telefono', locale: 'es', value: 'Línea nueva: (601) 555 0101, de 7:00 a 20:00.' },
        { key: 'ayuda.ultimo-dia', locale: 'es', value: 'Llame a la línea de vencimientos hoy mismo.' },
        { key: 'ayuda.aviso', locale: 'es', value: 'Temporada de renta: horario extendido.' },
      ])
      .execute();
    const after = await get('/ayuda');
    expect(after.body).toContain('Línea nueva: (601) 555 0101, de 7:00 a 20:00.');
    expect(after.body).not.toContain('Centro de contacto: (601) 307 8064');
    expect(after.body).toContain('Llame a la línea de vencimientos hoy mismo.');
    expect(after.body).toContain('Temporada de renta: horario extendido.');
    // The footer of every page, the 404 page too; English keeps its own built-in text.
    expect((await get('/tramites/no-existe')).body).toContain('Línea nueva: (601) 555 0101');
    const english = await get('/ayuda', 'en');
    expect(english.body).toContain('Contact centre: (601) 307 8064');
    expect(english.body).not.toContain('Temporada de renta');
    await database.db.deleteFrom('site_texts').execute();
  });

  it('falls back to the built-in texts when the texts cannot be read', async () => {
    await sql`ALTER TABLE site_texts RENAME TO site_texts_away`.execute(database.db);
    try {
      const res = await get('/ayuda');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Centro de contacto: (601) 307 8064');
    } finally {
      await sql`ALTER TABLE site_texts_away RENAME TO site_texts`.execute(database.db);
    }
  });

  it('takes a new phone line from the back office to every page, without a deploy', async () => {
    const admin = new AdminBrowser(app);
    await admin.signIn(await aStaffMember(database.db, { role: 'admin_nacional' }), clock);
    const list = await admin.get('/admin/textos');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Textos que el sitio ciudadano puede mostrar');
    expect(list.body).toContain('<code>ayuda.aviso</code>');
    // Editing a key the site reads starts from its built-in text.
    const form = await admin.get('/admin/textos?clave=contacto.telefono&idioma=es');
    expect(form.body).toContain('Centro de contacto: (601) 307 8064, lunes a viernes');
    const saved = await admin.post('/admin/textos', {
      key: 'contacto.telefono',
      locale: 'es',
      value: 'Centro de contacto: (601) 307 9000, lunes a sábado de 7:00 a 19:00.',
    });
    expect(saved.statusCode).toBe(303);
    for (const url of ['/', '/tramites/rut-pj', '/privacidad']) {
      expect((await get(url)).body, url).toContain('(601) 307 9000, lunes a sábado de 7:00 a 19:00.');
    }
    await database.db.deleteFrom('site_texts').execute();
  });

  it('sends pages and the stylesheet compressed, under the 60 KB budget', async () => {
    for (const url of ['/tramites', '/assets/css/site.css']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(res.rawPayload).length).toBeGreaterThan(2 * res.rawPayload.length);
      expect(res.rawPayload.length).toBeLessThan(60 * 1024);
    }
    const brotli = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'br, gzip' } });
    expect(brotli.headers['content-encoding']).toBe('br');
  });
});
