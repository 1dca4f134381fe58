import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { BOGOTA } from '../../domain/civil-time.js';

/** An instant as Bogotá's date and time, `2026-05-04 14:05`, the form staff read everywhere. */
export function bogotaDateTime(instant: Date): string {
  return format(new TZDate(instant.getTime(), BOGOTA), 'yyyy-MM-dd HH:mm');
}

/** A value of an audit snapshot, short and readable (text as is, the rest as JSON). */
export function auditValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ') || '[]';
  return JSON.stringify(value);
}
