import { minutesOfDay } from '../../domain/civil-time.js';
import type { OutgoingMail } from '../../domain/mail.js';
import { formatDay, formatWhen } from '../../i18n/format.js';
import { translator } from '../../i18n/index.js';
import type { AppointmentDetails } from '../../services/appointment-details.js';
import { appointmentIcs, icsFilename } from '../../services/calendar/appointment.js';
import { standardFooter, toMail } from './compose.js';
import type { MailBlock, MailContent, MailLink } from './content.js';

/**
 * What a subject line says: the procedure and when, never the confirmation code. Subjects are shown in
 * notifications, lock screens and mail servers' logs; the code opens the appointment for changes.
 */
function subjectFacts(details: AppointmentDetails): { procedure: string; when: string } {
  return { procedure: details.procedure.name, when: formatWhen(details.startsAt, details.locale) };
}

export interface ComposeSettings {
  publicUrl: string;
  now: Date;
}

/** The documents of an e-mail appointment go before 9:00 (morning slots) or 12:00 (afternoon slots). */
function emailDeadline(details: AppointmentDetails): string {
  return minutesOfDay(details.startsAt) < 12 * 60 ? '9:00' : '12:00';
}

function whereItems(details: AppointmentDetails): [string, string | MailLink][] {
  const t = translator(details.locale);
  switch (details.channel.code) {
    case 'presencial':
      return [
        [
          t('mail.label.place'),
          t('mail.value.place', {
            office: details.office.name,
            address: details.office.address,
            city: details.office.city,
          }),
        ],
      ];
    case 'video':
      // A cancelled appointment has no meeting left to join.
      if (details.status === 'cancelled') return [];
      return [
        [
          t('mail.label.videoLink'),
          details.videoUrl
            ? { text: details.videoUrl, href: details.videoUrl }
            : t('mail.value.videoPending'),
        ],
      ];
    case 'telefono':
      return [[t('mail.label.phone'), t('mail.value.phone')]];
    default:
      return [
        [
          t('mail.label.sendTo'),
          details.office.email
            ? t('mail.value.sendTo', { email: details.office.email, deadline: emailDeadline(details) })
            : t('mail.value.sendToOffice', { office: details.office.name, deadline: emailDeadline(details) }),
        ],
      ];
  }
}

/** The appointment's facts. Of the document, only its type and last three characters. */
function detailsBlock(details: AppointmentDetails, previous?: AppointmentDetails): MailBlock {
  const t = translator(details.locale);
  const items: [string, string | MailLink][] = [
    [t('mail.label.code'), details.code],
    [t('mail.label.procedure'), details.procedure.name],
    [t('mail.label.when'), formatWhen(details.startsAt, details.locale)],
  ];
  if (previous) items.push([t('mail.label.previousWhen'), formatWhen(previous.startsAt, details.locale)]);
  items.push([t('mail.label.channel'), details.channel.name], ...whereItems(details));
  if (details.person.companyName) items.push([t('mail.label.company'), details.person.companyName]);
  items.push([
    t('mail.label.document'),
    t('mail.value.document', { type: details.person.documentTypeName, last3: details.person.documentLast3 }),
  ]);
  return { type: 'details', items };
}

function preparationBlocks(details: AppointmentDetails): MailBlock[] {
  const t = translator(details.locale);
  const blocks: MailBlock[] = [{ type: 'paragraph', text: details.channel.description }];
  if (details.procedure.requirements.length > 0) {
    blocks.push({ type: 'list', title: t('mail.requirements'), items: details.procedure.requirements });
  }
  return blocks;
}

function manageBlocks(details: AppointmentDetails, settings: ComposeSettings): MailBlock[] {
  const t = translator(details.locale);
  return [
    { type: 'paragraph', text: t('mail.manage') },
    { type: 'action', text: t('mail.manage.action'), href: `${settings.publicUrl}/gestionar` },
    { type: 'paragraph', text: t('mail.cancelIfNot') },
  ];
}

function content(
  details: AppointmentDetails,
  parts: Omit<MailContent, 'locale' | 'greeting' | 'footer' | 'brand'>,
): MailContent {
  const t = translator(details.locale);
  return {
    locale: details.locale,
    greeting: t('mail.greeting', { name: details.person.firstName }),
    footer: standardFooter(details.locale),
    brand: t('mail.brand'),
    ...parts,
  };
}

function icsAttachment(details: AppointmentDetails, settings: ComposeSettings) {
  return {
    filename: icsFilename(details.code),
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: appointmentIcs(details, { publicUrl: settings.publicUrl, stamp: settings.now }),
  };
}

export function confirmationMail(details: AppointmentDetails, settings: ComposeSettings): OutgoingMail {
  const t = translator(details.locale);
  const when = formatWhen(details.startsAt, details.locale);
  const mail = content(details, {
    subject: t('mail.confirmed.subject', subjectFacts(details)),
    heading: t('mail.confirmed.heading'),
    blocks: [
      { type: 'paragraph', text: t('mail.confirmed.lead', { when }) },
      detailsBlock(details),
      ...preparationBlocks(details),
      { type: 'paragraph', text: t('mail.ics', { file: icsFilename(details.code) }) },
      ...manageBlocks(details, settings),
    ],
  });
  return toMail('appointment-confirmed', details.person.email, mail, {
    attachments: [icsAttachment(details, settings)],
  });
}

export function rescheduleMail(
  details: AppointmentDetails,
  previous: AppointmentDetails,
  settings: ComposeSettings,
): OutgoingMail {
  const t = translator(details.locale);
  const mail = content(details, {
    subject: t('mail.rescheduled.subject', subjectFacts(details)),
    heading: t('mail.rescheduled.heading'),
    blocks: [
      {
        type: 'paragraph',
        text: t('mail.rescheduled.lead', {
          previous: formatWhen(previous.startsAt, details.locale),
          when: formatWhen(details.startsAt, details.locale),
        }),
      },
      detailsBlock(details, previous),
      ...preparationBlocks(details),
      { type: 'paragraph', text: t('mail.ics', { file: icsFilename(details.code) }) },
      ...manageBlocks(details, settings),
    ],
  });
  return toMail('appointment-rescheduled', details.person.email, mail, {
    attachments: [icsAttachment(details, settings)],
  });
}

/** The rebooking pass a closure gave the person: its link and, when one was found, the place kept. */
export interface RebookOffer {
  href: string;
  expiresAt: Date;
  kept?: { startsAt: Date; place: string; until: Date } | undefined;
}

/** How to book again: with the closure's pass when there is one, else the ordinary journey. */
function rebookBlocks(
  details: AppointmentDetails,
  rebook: RebookOffer | undefined,
  publicUrl: string,
): MailBlock[] {
  const t = translator(details.locale);
  if (!rebook) {
    const closure = details.cancelReason === 'closure';
    return [
      {
        type: 'paragraph',
        text: t(closure ? 'mail.cancelled.rebook.closure' : 'mail.cancelled.rebook.citizen'),
      },
      { type: 'action', text: t('mail.cancelled.rebook.action'), href: `${publicUrl}/reservar` },
    ];
  }
  const kept = rebook.kept
    ? t('mail.cancelled.priority.kept', {
        when: formatWhen(rebook.kept.startsAt, details.locale),
        place: details.channel.remote ? details.channel.name : rebook.kept.place,
        until: formatWhen(rebook.kept.until, details.locale),
      })
    : t('mail.cancelled.priority.none');
  return [
    { type: 'paragraph', text: kept },
    {
      type: 'paragraph',
      text: t('mail.cancelled.priority.lead', { until: formatWhen(rebook.expiresAt, details.locale) }),
    },
    {
      type: 'action',
      text: t(rebook.kept ? 'mail.cancelled.priority.actionKept' : 'mail.cancelled.priority.action'),
      href: rebook.href,
    },
  ];
}

export function cancellationMail(
  details: AppointmentDetails,
  settings: ComposeSettings,
  rebook?: RebookOffer,
): OutgoingMail {
  const t = translator(details.locale);
  const when = formatWhen(details.startsAt, details.locale);
  const closure = details.cancelReason === 'closure';
  const lead = closure
    ? t('mail.cancelled.lead.closure', {
        office: details.office.name,
        date: formatDay(details.startsAt, details.locale),
        when,
      })
    : t('mail.cancelled.lead.citizen', { when });
  const mail = content(details, {
    subject: t('mail.cancelled.subject', subjectFacts(details)),
    heading: t('mail.cancelled.heading'),
    blocks: [
      { type: 'paragraph', text: lead },
      detailsBlock(details),
      ...rebookBlocks(details, closure ? rebook : undefined, settings.publicUrl),
      { type: 'paragraph', text: t('mail.cancelled.alerts', { url: `${settings.publicUrl}/alertas` }) },
    ],
  });
  return toMail('appointment-cancelled', details.person.email, mail);
}

export function reminderMail(details: AppointmentDetails, settings: ComposeSettings): OutgoingMail {
  const t = translator(details.locale);
  const when = formatWhen(details.startsAt, details.locale);
  const mail = content(details, {
    subject: t('mail.reminder.subject', { when }),
    heading: t('mail.reminder.heading'),
    blocks: [
      { type: 'paragraph', text: t('mail.reminder.lead', { when }) },
      detailsBlock(details),
      ...preparationBlocks(details),
      ...manageBlocks(details, settings),
    ],
  });
  return toMail('appointment-reminder', details.person.email, mail, {
    attachments: [icsAttachment(details, settings)],
  });
}
