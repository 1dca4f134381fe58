import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CHANNELS } from '../../src/domain/channels.js';
import { STAFF_ROLES } from '../../src/domain/roles.js';
import { isMessageKey, translate } from '../../src/i18n/index.js';
import { KIOSK_PLACE_TYPES } from '../../src/services/catalogue/kiosks.js';
import { OFFICE_KINDS } from '../../src/services/catalogue/offices.js';
import { SERVED_BY } from '../../src/services/catalogue/procedure-edit.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIRS = [
  'src/views/admin',
  'src/services/staff-access',
  'src/services/catalogue',
  'src/services/audit',
  'src/domain',
  'src/http/routes/admin',
  'src/http/plugins',
  'src/cli',
];

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? files(path) : [path];
  });
}

const sources = DIRS.flatMap(files).map((f) => readFileSync(join(ROOT, f), 'utf8'));

describe('back-office messages', () => {
  it('has every message key the back office names literally, in both languages', () => {
    const keys = new Set(
      sources.flatMap((s) => [...s.matchAll(/'((?:admin|csrf)\.[A-Za-z0-9_.]+)'/g)].map((m) => m[1])),
    );
    expect(keys.size).toBeGreaterThan(150);
    const missing = [...keys].filter((k): k is string => k !== undefined && !isMessageKey(k));
    expect(missing).toEqual([]);
  });

  it('has the keys the pages build from values (roles, categories, channels, kinds, notices)', () => {
    const notices = new Set(
      sources.flatMap((s) => [...s.matchAll(/redirectWithNotice\([^)]*'([A-Za-z]+)'\)/g)].map((m) => m[1])),
    );
    for (const m of sources.flatMap((s) => [...s.matchAll(/\? '([A-Za-z]+)' : '([A-Za-z]+)'\)/g)])) {
      notices.add(m[1]);
      notices.add(m[2]);
    }
    const built = [
      ...STAFF_ROLES.map((r) => `admin.role.${r}`),
      ...CATEGORIES.map((c) => `admin.category.${c}`),
      ...CHANNELS.map((c) => `admin.channelName.${c}`),
      ...OFFICE_KINDS.map((k) => `admin.office.kind.${k}`),
      ...SERVED_BY.map((s) => `admin.servedBy.${s}`),
      ...KIOSK_PLACE_TYPES.map((p) => `admin.kiosk.type.${p}`),
      ...['es', 'en'].map((l) => `admin.locale.${l}`),
      ...['tooShort', 'tooLong', 'containsEmail'].map((p) => `admin.password.${p}`),
      ...[...notices].map((n) => `admin.notice.${n}`),
    ];
    expect(notices.size).toBeGreaterThanOrEqual(10);
    expect(built.filter((k) => !isMessageKey(k))).toEqual([]);
  });

  it('reads in English too', () => {
    expect(translate('en', 'admin.login.title')).toBe('Staff sign-in');
    expect(translate('es', 'admin.field.between', { min: 1, max: 500 })).toBe(
      'Escriba un número entre 1 y 500',
    );
  });
});
