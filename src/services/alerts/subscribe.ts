import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Channel, isChannel } from '../../domain/channels.js';
import { addDays, civilDateOf, isCivilDate } from '../../domain/civil-time.js';
import { AppError, type FieldError, validationFailed } from '../../domain/errors.js';
import type { Locale } from '../../i18n/index.js';
import { MAIL_ALERT_CONFIRM } from '../../jobs/definitions/mail-alert-confirm.js';
import {
  countOpenSubscriptionsOf,
  insertSubscription,
  someLineServes,
} from '../../repositories/alerts/subscriptions.js';
import { selectProcedure } from '../../repositories/catalogue/procedures.js';
import { enqueue } from '../../repositories/jobs.js';

/** How far ahead a subscription may reach. */
const MAX_AHEAD_DAYS = 180;
/** Open (pending or active) subscriptions one address may have: enough for real needs, not for abuse. */
const MAX_OPEN_PER_EMAIL = 5;

export interface SubscribeInput {
  procedure: string;
  channel: string;
  office?: string | undefined;
  city?: string | undefined;
  from: string;
  to: string;
  email: string;
}

export interface SubscriptionRequested {
  status: 'pending';
  procedure: string;
  channel: Channel;
  office: string | null;
  city: string | null;
  from: string;
  to: string;
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/**
 * Records a subscription waiting for confirmation and queues the e-mail with the confirmation link.
 * Nothing is offered to it until the person follows that link (double opt-in).
 */
export async function subscribeToAlerts(
  db: Kysely<DB>,
  input: SubscribeInput,
  { now, locale }: { now: Date; locale: Locale },
): Promise<SubscriptionRequested> {
  const errors: FieldError[] = [];
  const email = input.email.trim();
  const office = input.office?.trim() || null;
  const city = input.city?.trim() || null;
  const today = civilDateOf(now);

  const procedure = input.procedure ? await selectProcedure(db, input.procedure) : undefined;
  if (!procedure?.active || !procedure.requires_appointment) {
    errors.push({ field: 'procedure', key: 'alerts.error.procedure' });
  }
  if (!isChannel(input.channel)) {
    errors.push({ field: 'channel', key: 'alerts.error.channel' });
  } else if (procedure?.requires_appointment && !procedure.channels.includes(input.channel)) {
    errors.push({ field: 'channel', key: 'alerts.error.channelNotOffered' });
  }
  if (office && city) errors.push({ field: 'office', key: 'alerts.error.officeOrCity' });
  if (input.channel === 'presencial' && !office && !city) {
    errors.push({ field: 'city', key: 'alerts.error.placeRequired' });
  }
  if (!isCivilDate(input.from)) errors.push({ field: 'from', key: 'alerts.error.date' });
  else if (input.from < today) errors.push({ field: 'from', key: 'alerts.error.past' });
  if (!isCivilDate(input.to)) errors.push({ field: 'to', key: 'alerts.error.date' });
  else if (isCivilDate(input.from) && input.to < input.from)
    errors.push({ field: 'to', key: 'alerts.error.order' });
  else if (input.to > addDays(today, MAX_AHEAD_DAYS)) {
    errors.push({ field: 'to', key: 'alerts.error.tooFar', params: { days: MAX_AHEAD_DAYS } });
  }
  if (email.length > 254 || !EMAIL.test(email)) errors.push({ field: 'email', key: 'alerts.error.email' });

  if (errors.length === 0 && procedure && isChannel(input.channel)) {
    const served = await someLineServes(db, {
      procedureCode: procedure.code,
      channel: input.channel,
      officeCode: office,
      cityCode: city,
    });
    if (!served) errors.push({ field: office ? 'office' : 'city', key: 'alerts.error.notServed' });
  }
  if (errors.length > 0) throw validationFailed(errors);

  return db.transaction().execute(async (trx) => {
    if ((await countOpenSubscriptionsOf(trx, email)) >= MAX_OPEN_PER_EMAIL) {
      throw new AppError('LIMIT_REACHED', 'alerts.error.tooMany', { max: MAX_OPEN_PER_EMAIL });
    }
    const id = await insertSubscription(trx, {
      procedureCode: input.procedure,
      channel: input.channel,
      officeCode: office,
      cityCode: city,
      dateFrom: input.from,
      dateTo: input.to,
      email,
      locale,
      now,
    });
    await enqueue(trx, MAIL_ALERT_CONFIRM, { subscriptionId: id }, { runAt: now });
    return {
      status: 'pending',
      procedure: input.procedure,
      channel: input.channel as Channel,
      office,
      city,
      from: input.from,
      to: input.to,
    };
  });
}
