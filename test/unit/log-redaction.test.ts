import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from '../../src/log.js';

describe('request paths in the logs', () => {
  it('keep the route and drop every secret a path or a query carries', () => {
    const token = 'bq3V5nK0x-Yt_7Wm2sPqR9aZcE4hJ8dL';
    const cases: [string, string][] = [
      [`/mis-datos/acceso/${token}`, '/mis-datos/acceso/:token'],
      [`/mis-datos/acceso/${token}/eliminar`, '/mis-datos/acceso/:token/eliminar'],
      [`/mis-datos/acceso/${token}?aviso=corregido`, '/mis-datos/acceso/:token?…'],
      [`/alertas/confirmar/${token}`, '/alertas/confirmar/:token'],
      [`/alertas/baja/${token}`, '/alertas/baja/:token'],
      [`/alertas/oferta/${token}`, '/alertas/oferta/:token'],
      [`/sorteos/inscripcion/${token}`, '/sorteos/inscripcion/:token'],
      [`/sorteos/oferta/${token}`, '/sorteos/oferta/:token'],
      [`/sorteos/oferta/${token}?accion=tomar`, '/sorteos/oferta/:token?…'],
      ['/sorteos/5f2d0c1e-4b7a-4c55-9b1e-0a6d2f3c4b5a', '/sorteos/5f2d0c1e-4b7a-4c55-9b1e-0a6d2f3c4b5a'],
      [`/reservar/prioridad/12-${token}`, '/reservar/prioridad/:token'],
      [`/reservar/prioridad/12-${token}/liberar`, '/reservar/prioridad/:token/liberar'],
      ['/api/v1/appointments/K7M2Q9XP/cancel', '/api/v1/appointments/:code/cancel'],
      ['/api/v1/holds/5f2d0c1e-4b7a-4c55-9b1e-0a6d2f3c4b5a/confirm', '/api/v1/holds/:holdId/confirm'],
      ['/reservar/datos?reserva=5f2d0c1e-4b7a-4c55-9b1e-0a6d2f3c4b5a', '/reservar/datos?…'],
      [`/idioma/en?volver=/mis-datos/acceso/${token}`, '/idioma/en?…'],
      ['/alertas', '/alertas'],
      ['/mis-datos', '/mis-datos'],
      ['/?', '/?'],
    ];
    for (const [url, logged] of cases) {
      expect(redactUrl(url), url).toBe(logged);
      expect(redactUrl(url)).not.toContain(token);
    }
  });
});

describe('log fields', () => {
  it('keep exit codes and error codes, and censor the confirmation code and personal data', () => {
    const lines: string[] = [];
    const log = createLogger(
      'info',
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    log.warn({ code: 1, signal: null }, 'HTTP process exited');
    log.warn({ err: { code: 'ECONNRESET' } }, 'connection lost');
    log.info({ confirmationCode: 'K7M2Q9XP', applicant: { email: 'ana@example.com' } }, 'booked');
    const text = lines.join('');
    expect(text).toContain('"code":1');
    expect(text).toContain('"code":"ECONNRESET"');
    expect(text).not.toContain('K7M2Q9XP');
    expect(text).not.toContain('ana@example.com');
  });
});
