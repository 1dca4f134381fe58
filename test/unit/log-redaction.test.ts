import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/log.js';

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
      [`/reservar/prioridad/12-${token}`, '/reservar/prioridad/:token'],
      [`/reservar/prioridad/12-${token}/liberar`, '/reservar/prioridad/:token/liberar'],
      ['/api/v1/appointments/K7M2Q9XP/cancel', '/api/v1/appointments/:code/cancel'],
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
