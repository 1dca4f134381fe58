export const STAFF_ROLES = [
  'admin_nacional',
  'admin_seccional',
  'funcionario',
  'auditor',
  'analista',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Administrators must have a second factor before they can do anything. */
export const TOTP_REQUIRED: ReadonlySet<StaffRole> = new Set(['admin_nacional', 'admin_seccional']);

/**
 * What each role may do. Routes ask for a permission (never a role), and services check the office
 * scope on top of it, so a new role or a changed duty is one line here.
 *
 * - `*.view` reads; `*.manage` changes.
 * - `offices.*`, `agenda.*`, `desk.*` and `audit.view` are further limited to the offices in the staff
 *   member's scope (see `access.ts`); the rest are national.
 */
export type Permission =
  | 'backoffice.enter'
  | 'staff.view'
  | 'staff.manage'
  | 'catalogue.view'
  | 'catalogue.manage'
  | 'offices.view'
  | 'offices.manage'
  | 'site.view'
  | 'site.manage'
  | 'audit.view'
  | 'agenda.view'
  | 'agenda.manage'
  | 'desk.attend'
  | 'reports.view';

const EVERYONE: readonly Permission[] = ['backoffice.enter'];
const READ_ALL: readonly Permission[] = [
  'staff.view',
  'catalogue.view',
  'offices.view',
  'site.view',
  'audit.view',
  'agenda.view',
  'reports.view',
];

const ROLE_PERMISSIONS: Readonly<Record<StaffRole, ReadonlySet<Permission>>> = {
  admin_nacional: new Set([
    ...EVERYONE,
    ...READ_ALL,
    'staff.manage',
    'catalogue.manage',
    'offices.manage',
    'site.manage',
    'agenda.manage',
    'desk.attend',
  ]),
  admin_seccional: new Set([
    ...EVERYONE,
    'catalogue.view',
    'offices.view',
    'offices.manage',
    'audit.view',
    'agenda.view',
    'agenda.manage',
    'desk.attend',
    'reports.view',
  ]),
  funcionario: new Set([...EVERYONE, 'desk.attend']),
  auditor: new Set([...EVERYONE, ...READ_ALL]),
  analista: new Set([...EVERYONE, 'reports.view']),
};

export function roleCan(role: StaffRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}
