import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import type { DB } from '../../src/db/schema.js';
import { systemActor } from '../../src/domain/access.js';
import type { StaffRole } from '../../src/domain/roles.js';
import type { App } from '../../src/http/types.js';
import { createStaff } from '../../src/services/staff-access/accounts.js';
import { hashPassword } from '../../src/services/staff-access/passwords.js';
import { newTotpSecret } from '../../src/services/staff-access/totp.js';
import type { TestClock } from './app.js';

export const PASSWORD = 'correct horse battery staple';

/** The TOTP code an authenticator app would show at a moment (computed with otpauth, as apps do). */
export function codeAt(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: at.getTime(),
  });
}

export interface TestStaff {
  id: number;
  email: string;
  password: string;
  totpSecret: string | null;
}

let counter = 0;

/**
 * A staff account ready to sign in: a known password (no forced change) and, when asked (always for
 * administrators), an enrolled second factor.
 */
export async function aStaffMember(
  db: Kysely<DB>,
  {
    role,
    offices = [],
    email = `${role.replace('_', '-')}-${++counter}-${Date.now()}@dian.test`,
    totp = role === 'admin_nacional' || role === 'admin_seccional',
  }: { role: StaffRole; offices?: string[]; email?: string; totp?: boolean },
): Promise<TestStaff> {
  const created = await createStaff(
    db,
    systemActor('cli'),
    { email, role, offices: offices.join(',') },
    new Date(),
  );
  const totpSecret = totp ? newTotpSecret() : null;
  await db
    .updateTable('staff')
    .set({
      password_hash: await hashPassword(PASSWORD),
      must_change_password: false,
      totp_secret: totpSecret,
      totp_enabled_at: totpSecret ? new Date() : null,
    })
    .where('id', '=', created.id)
    .execute();
  return { id: created.id, email, password: PASSWORD, totpSecret };
}

export type Form = Record<string, string | string[]>;

function encode(form: Form): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) {
    for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
  }
  return params.toString();
}

/**
 * A browser for `app.inject`: keeps cookies, and the CSRF token of the last page it read, which
 * `post` puts in the form unless told not to.
 */
export class AdminBrowser {
  readonly cookies = new Map<string, string>();
  csrf: string | null = null;

  constructor(
    private readonly app: App,
    /** The client address the app sees (rate limits key on it). */
    private readonly remoteAddress = '127.0.0.1',
  ) {}

  private remember(response: LightMyRequestResponse): void {
    for (const c of response.cookies as { name: string; value: string; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      cookies: Object.fromEntries(this.cookies),
      remoteAddress: this.remoteAddress,
    });
    this.remember(response);
    return response;
  }

  async post(url: string, form: Form = {}, { csrf = true } = {}): Promise<LightMyRequestResponse> {
    if (csrf && this.csrf === null) await this.get('/admin/ingreso');
    const body = csrf && this.csrf ? { ...form, _csrf: this.csrf } : form;
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: encode(body),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      cookies: Object.fromEntries(this.cookies),
      remoteAddress: this.remoteAddress,
    });
    this.remember(response);
    return response;
  }

  sessionCookie(): string | undefined {
    return this.cookies.get('agenda_staff');
  }

  /** Password, then the TOTP code (when the account has one); the clock moves a step so codes are fresh. */
  async signIn(staff: TestStaff, clock: TestClock): Promise<void> {
    await this.get('/admin/ingreso');
    const login = await this.post('/admin/ingreso', { email: staff.email, password: staff.password });
    if (login.statusCode !== 303) throw new Error(`sign-in failed: ${login.statusCode}`);
    if (staff.totpSecret) {
      clock.advance(30_000);
      await this.get('/admin/ingreso/codigo');
      const code = await this.post('/admin/ingreso/codigo', { code: codeAt(staff.totpSecret, clock.now()) });
      if (code.statusCode !== 303) throw new Error(`second factor failed: ${code.statusCode}`);
    }
    await this.get('/admin');
  }
}

/** The text of a page without tags, for assertions on what a person reads. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');
}

/** Every POST route the app has under /admin, read from Fastify's own route tree. */
export function adminPostRoutes(app: App): string[] {
  const tree = app.printRoutes({ commonPrefix: false, method: 'POST' });
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│├└─ ]*)(\/\S*)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match?.[2]) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    stack.push(match[2]);
    if (match[3]?.includes('POST')) routes.push(stack.join(''));
  }
  return routes.filter((r) => r.startsWith('/admin'));
}
