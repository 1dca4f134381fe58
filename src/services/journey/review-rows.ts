import { DOCUMENTS, isDocumentType } from '../../domain/documents.js';
import { POLICY_VERSION } from '../../domain/privacy-policy.js';
import { type Locale, translate } from '../../i18n/index.js';
import { type Criteria, journeyHref } from './criteria.js';
import type { HeldPlace } from './held-place.js';

/** One answer of the review page with the link back to where it was given. */
interface ReviewRow {
  key: string;
  value: string;
  change: { href: string; label: string };
}

export interface ReviewRows {
  booking: ReviewRow[];
  person: ReviewRow[];
}

/**
 * The rows of "Revise su solicitud": every answer with a link back to where it was given. Changing the
 * procedure, place or time carries the hold along (`reserva`), so what was typed follows to the new hold.
 */
export function reviewRows(
  locale: Locale,
  held: HeldPlace,
  criteria: Criteria,
  procedure: string,
  a: Record<string, string>,
): ReviewRows {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const hold = encodeURIComponent(held.holdId);
  const row = (key: string, value: string, href: string): ReviewRow => ({
    key: t(key),
    value,
    change: { href, label: t('journey.review.change', { what: t(key).toLowerCase() }) },
  });
  const data = (field: string) => `/reservar/datos?reserva=${hold}#field-applicant-${field}`;
  const documentName = isDocumentType(a.documentType ?? '')
    ? DOCUMENTS[a.documentType as keyof typeof DOCUMENTS][locale === 'en' ? 'nameEn' : 'nameEs']
    : (a.documentType ?? '');
  const juridica = a.personType === 'juridica';
  return {
    booking: [
      row('journey.card.procedure', held.procedure, journeyHref('/reservar', { reserva: held.holdId })),
      row(
        'journey.card.channel',
        held.channel,
        journeyHref('/reservar/atencion', { tramite: procedure, reserva: held.holdId }),
      ),
      row('journey.card.where', held.place, journeyHref('/reservar/dias', { ...criteria, fecha: undefined })),
      row('journey.card.when', held.when, journeyHref('/reservar/horas', criteria)),
    ],
    person: [
      row(
        'journey.data.personType',
        juridica ? t('journey.data.juridica') : t('journey.data.natural'),
        data('personType'),
      ),
      ...(juridica
        ? [
            row('journey.data.companyName', a.companyName ?? '', data('companyName')),
            row('journey.data.nit', a.nit ?? '', data('nit')),
          ]
        : []),
      row('journey.review.document', `${documentName} ${a.documentNumber ?? ''}`, data('documentNumber')),
      row('journey.review.name', `${a.firstName ?? ''} ${a.lastName ?? ''}`, data('firstName')),
      row('journey.data.email', a.email ?? '', data('email')),
      row('journey.data.phone', a.phone ?? '', data('phone')),
      row(
        'journey.review.consent',
        t('journey.review.consentGiven', { version: POLICY_VERSION }),
        `/reservar/consentimiento?reserva=${hold}`,
      ),
    ],
  };
}
