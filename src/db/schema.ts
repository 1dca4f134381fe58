import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { StaffRole } from '../domain/roles.js';
import type { ReleaseEntriesTable, ReleaseOffersTable, ReleasesTable } from './schema-releases.js';

/** Row types of the tables, as the migrations in `migrations/` create them. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>;
/** `date` columns travel as `YYYY-MM-DD` strings on both engines (see `database.ts`). */
type CivilDateColumn = string;
type Json<T> = ColumnType<T, string, string>;

export interface DepartmentsTable {
  code: string;
  name: string;
}

export interface CitiesTable {
  code: string;
  name: string;
  department_code: string;
}

export interface ChannelsTable {
  code: string;
  name_es: string;
  name_en: string;
  remote: boolean;
  description_es: string;
  description_en: string;
  sort_order: Generated<number>;
}

export interface ProceduresTable {
  code: string;
  name_es: string;
  name_en: string;
  category: string;
  summary_es: string;
  summary_en: string;
  audience_es: Generated<string>;
  audience_en: Generated<string>;
  requirements_es: Generated<string[]>;
  requirements_en: Generated<string[]>;
  channels: Generated<string[]>;
  requires_appointment: boolean;
  self_service_url: string | null;
  self_service_es: string | null;
  self_service_en: string | null;
  duration_minutes: number | null;
  served_by: Generated<string[]>;
  active: Generated<boolean>;
  sort_order: Generated<number>;
}

export interface OfficesTable {
  code: string;
  name: string;
  kind: string;
  seccional_code: string;
  city_code: string;
  address: string;
  address_illustrative: Generated<boolean>;
  hours_es: string;
  hours_en: string;
  desks: number;
  phone: string | null;
  email: string | null;
  active: Generated<boolean>;
}

export interface CapacityLinesTable {
  id: Generated<number>;
  office_code: string;
  channel: string;
  name: string;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface CapacityLineProceduresTable {
  capacity_line_id: number;
  procedure_code: string;
}

export interface AgendaBreak {
  from: number;
  to: number;
}

export interface AgendaTemplatesTable {
  id: Generated<number>;
  capacity_line_id: number;
  name: string;
  weekdays: number[];
  opens_minute: number;
  closes_minute: number;
  slot_minutes: number;
  places: number;
  breaks: ColumnType<AgendaBreak[], string | undefined, string>;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface SlotsTable {
  id: Generated<number>;
  capacity_line_id: number;
  office_code: string;
  channel: string;
  local_date: CivilDateColumn;
  starts_at: RequiredTimestamp;
  ends_at: RequiredTimestamp;
  capacity: number;
  taken: Generated<number>;
  reserved: Generated<number>;
  reserved_taken: Generated<number>;
  status: Generated<'open' | 'closed'>;
  /** The release its free places belong to, while they do (migration 0310). */
  release_id: Generated<string | null>;
}

export type HoldKind = 'citizen' | 'offer' | 'release' | 'priority';

export interface HoldsTable {
  id: Generated<string>;
  slot_id: number;
  kind: HoldKind;
  session_key: string | null;
  procedure_code: string | null;
  channel: string | null;
  reserved: Generated<boolean>;
  expires_at: RequiredTimestamp;
  created_at: Timestamp;
  draft: ColumnType<unknown, string | null | undefined, string | null>;
  /** The NIT a deadline-day reserved place is held for. */
  nit: string | null;
  /** The only person who may confirm this hold (a claimed draw offer), as `personKey` writes it. */
  person_key: Generated<string | null>;
}

export interface ApplicantsTable {
  id: Generated<number>;
  person_type: 'natural' | 'juridica';
  document_type: string;
  document_number: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  nit: string | null;
  nit_check_digit: number | null;
  company_name: string | null;
  locale: Generated<'es' | 'en'>;
  created_at: Timestamp;
  anonymised_at: Date | null;
}

export interface ConsentsTable {
  id: Generated<number>;
  applicant_id: number;
  policy_version: string;
  purposes: string[];
  channel: 'web' | 'api';
  accepted_at: Timestamp;
}

export type AppointmentStatus = 'booked' | 'checked_in' | 'attended' | 'no_show' | 'cancelled';
export type CancelReason = 'citizen' | 'closure' | 'reschedule' | 'privacy';

export interface AppointmentsTable {
  id: Generated<number>;
  code: string;
  slot_id: number;
  procedure_code: string;
  channel: string;
  office_code: string;
  starts_at: RequiredTimestamp;
  ends_at: RequiredTimestamp;
  applicant_id: number;
  person_key: string;
  status: Generated<AppointmentStatus>;
  reserved: Generated<boolean>;
  video_room: string | null;
  locale: Generated<'es' | 'en'>;
  created_at: Timestamp;
  updated_at: Timestamp;
  cancelled_at: Date | null;
  cancel_reason: CancelReason | null;
  rescheduled_from_id: number | null;
  /** The hold it was confirmed from (a retried confirmation finds the appointment by it). */
  hold_id: Generated<string | null>;
  session_key: Generated<string | null>;
  checked_in_at: Date | null;
  attended_at: Date | null;
  desk_note: string | null;
}

export interface StaffTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: StaffRole;
  password_hash: string;
  must_change_password: Generated<boolean>;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_counter: number | null;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  last_login_at: Date | null;
  password_changed_at: Date | null;
}

export interface StaffScopesTable {
  staff_id: number;
  office_code: string;
  channel: string | null;
}

export interface StaffSessionsTable {
  id: string;
  staff_id: number;
  second_factor_done: Generated<boolean>;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: RequiredTimestamp;
  pending_totp_secret: string | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  actor_staff_id: number | null;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  office_code: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  prev_hash: string;
  hash: string;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: ColumnType<unknown, string | undefined, string>;
  status: Generated<JobStatus>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Date | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  finished_at: Date | null;
  /** Which claim holds the job; only that worker can finish it (migration 0600). */
  lease_token: string | null;
  started_at: Date | null;
}

export interface HolidayOverridesTable {
  date: CivilDateColumn;
  kind: 'add' | 'remove';
  name: string;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Timestamp;
}

export interface AgendaClosuresTable {
  id: Generated<number>;
  office_code: string;
  capacity_line_id: number | null;
  from_date: CivilDateColumn;
  to_date: CivilDateColumn;
  reason: string;
  cancelled_appointments: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
}

export type RebookPassStatus = 'open' | 'used' | 'declined' | 'withdrawn';

/** A closure's priority rebooking pass for one cancelled appointment (migration 0530). */
export interface RebookPassesTable {
  id: Generated<number>;
  appointment_id: number;
  closure_id: number;
  hold_id: string | null;
  kept_slot_id: number | null;
  status: Generated<RebookPassStatus>;
  rebooked_appointment_id: number | null;
  created_at: RequiredTimestamp;
  expires_at: RequiredTimestamp;
  decided_at: Date | null;
}

export type TaxObligation = 'mensual' | 'renta_naturales' | 'renta_juridicas';

export interface TaxDeadlinesTable {
  obligation: TaxObligation;
  period: string;
  last_digits: string;
  due_date: CivilDateColumn;
  source: Generated<'publicado' | 'regla'>;
}

export interface DeadlineReservationsTable {
  capacity_line_id: number;
  local_date: CivilDateColumn;
  percent: number;
}

export interface DB {
  agenda_closures: AgendaClosuresTable;
  rebook_passes: RebookPassesTable;
  tax_deadlines: TaxDeadlinesTable;
  deadline_reservations: DeadlineReservationsTable;
  departments: DepartmentsTable;
  cities: CitiesTable;
  channels: ChannelsTable;
  procedures: ProceduresTable;
  offices: OfficesTable;
  capacity_lines: CapacityLinesTable;
  capacity_line_procedures: CapacityLineProceduresTable;
  agenda_templates: AgendaTemplatesTable;
  slots: SlotsTable;
  holds: HoldsTable;
  applicants: ApplicantsTable;
  consents: ConsentsTable;
  appointments: AppointmentsTable;
  staff: StaffTable;
  staff_scopes: StaffScopesTable;
  staff_sessions: StaffSessionsTable;
  audit_events: AuditEventsTable;
  jobs: JobsTable;
  holiday_overrides: HolidayOverridesTable;
  schema_migrations: SchemaMigrationsTable;
  kiosks: KiosksTable;
  site_texts: SiteTextsTable;
  mail_deliveries: MailDeliveriesTable;
  mail_messages: MailMessagesTable;
  alert_subscriptions: AlertSubscriptionsTable;
  alert_offers: AlertOffersTable;
  alert_tokens: AlertTokensTable;
  rate_limit_counters: RateLimitCountersTable;
  pow_redemptions: PowRedemptionsTable;
  data_subject_requests: DataSubjectRequestsTable;
  search_counts: SearchCountsTable;
  search_hour_counts: SearchHourCountsTable;
  search_lead_counts: SearchLeadCountsTable;
  hold_counts: HoldCountsTable;
  releases: ReleasesTable;
  release_entries: ReleaseEntriesTable;
  release_offers: ReleaseOffersTable;
}

export type Procedure = Selectable<ProceduresTable>;
export type Office = Selectable<OfficesTable>;
export type Slot = Selectable<SlotsTable>;
export type NewSlot = Insertable<SlotsTable>;

export type KioskPlaceType = 'camara_comercio' | 'centro_comercial' | 'alcaldia' | 'otro';

export interface KiosksTable {
  id: Generated<number>;
  place_type: KioskPlaceType;
  name: string;
  address: string;
  city_code: string;
  hours_es: string;
  hours_en: string;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface SiteTextsTable {
  key: string;
  locale: 'es' | 'en';
  value: string;
  updated_at: Timestamp;
  updated_by: number | null;
}

export type MailTransportKind = 'smtp' | 'mailbox';

export interface MailDeliveriesTable {
  key: string;
  message_id: string;
  kind: string;
  transport: MailTransportKind;
  status: 'sending' | 'sent';
  attempts: Generated<number>;
  created_at: Timestamp;
  sent_at: Date | null;
}

export interface StoredAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface MailMessagesTable {
  id: Generated<number>;
  delivery_key: string;
  message_id: string;
  kind: string;
  locale: 'es' | 'en';
  from_address: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  headers: ColumnType<Record<string, string>, string | undefined, string>;
  attachments: ColumnType<StoredAttachment[], string | undefined, string>;
  created_at: Timestamp;
}

export type AlertSubscriptionStatus = 'pending' | 'active' | 'fulfilled' | 'ended' | 'unsubscribed';

export interface AlertSubscriptionsTable {
  id: Generated<number>;
  procedure_code: string;
  channel: string;
  office_code: string | null;
  city_code: string | null;
  date_from: CivilDateColumn;
  date_to: CivilDateColumn;
  email: string;
  locale: Generated<'es' | 'en'>;
  status: Generated<AlertSubscriptionStatus>;
  created_at: Timestamp;
  confirmed_at: Date | null;
  closed_at: Date | null;
}

export type AlertOfferStatus = 'offered' | 'claimed' | 'expired' | 'withdrawn';

export interface AlertOffersTable {
  id: Generated<number>;
  subscription_id: number;
  slot_id: number;
  hold_id: string;
  status: Generated<AlertOfferStatus>;
  offered_at: RequiredTimestamp;
  expires_at: RequiredTimestamp;
  decided_at: Date | null;
}

export type AlertTokenPurpose = 'confirm' | 'unsubscribe' | 'claim';

export interface AlertTokensTable {
  token_hash: string;
  subscription_id: number;
  purpose: AlertTokenPurpose;
  offer_id: number | null;
  created_at: Timestamp;
  expires_at: Date | null;
}

export interface RateLimitCountersTable {
  key: string;
  window_start: Date;
  count: number;
}

export interface PowRedemptionsTable {
  challenge_id: string;
  redeemed_at: Timestamp;
}

export interface DataSubjectRequestsTable {
  id: Generated<number>;
  applicant_ids: number[];
  locale: Generated<'es' | 'en'>;
  created_at: Timestamp;
  expires_at: RequiredTimestamp;
  deleted_at: Date | null;
}

/** Availability searches counted per Bogotá day and what was asked (migration 0900). */
export interface SearchCountsTable {
  day: CivilDateColumn;
  procedure_code: string;
  channel: string;
  office_code: string;
  city_code: string;
  kind: 'days' | 'slots' | 'first';
  weeks_ahead: number;
  searches: number;
  found: number;
}

/** Availability searches counted per Bogotá hour (migration 0900). */
export interface SearchHourCountsTable {
  day: CivilDateColumn;
  hour: number;
  procedure_code: string;
  channel: string;
  office_code: string;
  city_code: string;
  searches: number;
}

/** Histogram of days from a search to the first date it found with room, per day (migration 0900). */
export interface SearchLeadCountsTable {
  day: CivilDateColumn;
  procedure_code: string;
  channel: string;
  office_code: string;
  city_code: string;
  lead_days: number;
  searches: number;
}

/** Citizen holds counted per Bogotá hour (migration 0900). */
export interface HoldCountsTable {
  day: CivilDateColumn;
  hour: number;
  procedure_code: string;
  channel: string;
  office_code: string;
  holds: number;
}
