import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { formatTime } from '../../../i18n/format.js';
import { isLocale, type Locale, translate } from '../../../i18n/index.js';
import { claimOffer, continueBookingPath, offerByToken } from '../../../services/alerts/claim-offer.js';
import { confirmSubscription, subscriptionByToken } from '../../../services/alerts/confirm-subscription.js';
import type { SubscriptionSummary } from '../../../services/alerts/describe.js';
import { alertFormOptions } from '../../../services/alerts/form-options.js';
import { alertSettings } from '../../../services/alerts/settings.js';
import { subscribeToAlerts } from '../../../services/alerts/subscribe.js';
import { unsubscribe } from '../../../services/alerts/unsubscribe.js';
import {
  AlertConfirmPage,
  AlertFormPage,
  type AlertFormValues,
  AlertOfferPage,
  AlertSentPage,
  AlertUnsubscribePage,
} from '../../../views/pages/alerts.js';
import { submitForm } from '../../forms.js';
import { sendPage } from '../../page.js';
import type { App } from '../../types.js';

const FIELD = Type.Optional(Type.String({ maxLength: 300 }));
const FormFields = Type.Object({
  procedure: FIELD,
  channel: FIELD,
  office: FIELD,
  city: FIELD,
  from: FIELD,
  to: FIELD,
  email: FIELD,
});
const TokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) });

/**
 * A CSRF token for the page's forms when the site's CSRF protection (@fastify/csrf-protection) is
 * registered; without it, none. The token-bearing links (confirm, leave, claim) carry their own secret.
 */
function csrfOf(reply: FastifyReply): string | undefined {
  const generate = (reply as FastifyReply & { generateCsrf?: () => string }).generateCsrf;
  return typeof generate === 'function' ? generate.call(reply) : undefined;
}

/** Pages opened from an e-mail speak the e-mail's language unless the person chose one on the site. */
function pageLocale(request: FastifyRequest, fallback: Locale): Locale {
  const chosen = request.cookies?.lang;
  return isLocale(chosen) ? chosen : fallback;
}

/** What the pages behind an e-mail's links show in common: its language, address, subscription and form. */
function linkPage(
  request: FastifyRequest,
  reply: FastifyReply,
  sub: { locale: Locale; summary: SubscriptionSummary },
) {
  return {
    locale: pageLocale(request, sub.locale),
    path: request.url.split('?')[0] ?? '',
    summary: sub.summary,
    csrf: csrfOf(reply),
  };
}

/**
 * The alert pages: subscribe (a form that works without JavaScript), and the pages behind the links of
 * the alert e-mails: confirm, unsubscribe, claim an offered place. Every change is a POST behind a
 * button, since mail scanners open the links of e-mails.
 */
export async function alertPages(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  const settings = () => alertSettings(app.deps.config);

  app.get('/alertas', { schema: { hide: true, querystring: FormFields } }, async (request, reply) => {
    const options = await alertFormOptions(db(), request.locale, request.query);
    return sendPage(
      reply,
      AlertFormPage({
        locale: request.locale,
        options,
        values: request.query as AlertFormValues,
        claimMinutes: app.deps.config.alertClaimMinutes,
        csrf: csrfOf(reply),
      }),
    );
  });

  app.post('/alertas', { schema: { hide: true, body: FormFields } }, async (request, reply) => {
    const values = request.body as AlertFormValues;
    const done = await submitForm(
      () =>
        subscribeToAlerts(
          db(),
          {
            procedure: values.procedure ?? '',
            channel: values.channel ?? '',
            office: values.office,
            city: values.city,
            from: values.from ?? '',
            to: values.to ?? '',
            email: values.email ?? '',
          },
          { now: app.deps.clock(), locale: request.locale },
        ),
      { shows: ['VALIDATION', 'LIMIT_REACHED'], status: { VALIDATION: 400 } },
    );
    if (done.ok) return reply.redirect('/alertas/enviada', 303);
    const options = await alertFormOptions(db(), request.locale, values);
    return sendPage(
      reply,
      AlertFormPage({
        locale: request.locale,
        options,
        values,
        errors: done.errors.map((f) => ({
          field: f.field,
          message: translate(request.locale, f.key, f.params),
        })),
        claimMinutes: app.deps.config.alertClaimMinutes,
        csrf: csrfOf(reply),
      }),
      done.status,
    );
  });

  app.get('/alertas/enviada', { schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, AlertSentPage({ locale: request.locale })),
  );

  app.get(
    '/alertas/confirmar/:token',
    { schema: { hide: true, params: TokenParams } },
    async (request, reply) => {
      const sub = await subscriptionByToken(db(), request.params.token, 'confirm', app.deps.clock());
      const status = sub.status === 'pending' ? 'pending' : sub.status === 'active' ? 'active' : 'closed';
      return sendPage(reply, AlertConfirmPage({ ...linkPage(request, reply, sub), status }));
    },
  );

  app.post(
    '/alertas/confirmar/:token',
    { schema: { hide: true, params: TokenParams } },
    async (request, reply) => {
      await confirmSubscription(db(), request.params.token, app.deps.clock());
      return reply.redirect(`/alertas/confirmar/${encodeURIComponent(request.params.token)}`, 303);
    },
  );

  app.get('/alertas/baja/:token', { schema: { hide: true, params: TokenParams } }, async (request, reply) => {
    const sub = await subscriptionByToken(db(), request.params.token, 'unsubscribe', app.deps.clock());
    const status =
      sub.status === 'pending' || sub.status === 'active'
        ? 'open'
        : sub.status === 'unsubscribed'
          ? 'unsubscribed'
          : 'closed';
    return sendPage(reply, AlertUnsubscribePage({ ...linkPage(request, reply, sub), status }));
  });

  // Also the target of one-click unsubscribe from mail clients (RFC 8058: a POST to the same link).
  app.post(
    '/alertas/baja/:token',
    // the token in the address is the secret, so no CSRF token is asked (mail clients post with no cookie)
    { schema: { hide: true, params: TokenParams }, config: { csrf: false } },
    async (request, reply) => {
      await unsubscribe(db(), request.params.token, app.deps.clock(), settings());
      return reply.redirect(`/alertas/baja/${encodeURIComponent(request.params.token)}`, 303);
    },
  );

  app.get(
    '/alertas/oferta/:token',
    { schema: { hide: true, params: TokenParams } },
    async (request, reply) => {
      const chosen = request.cookies?.lang;
      const { offer, hold } = await offerByToken(
        db(),
        request.params.token,
        app.deps.clock(),
        isLocale(chosen) ? chosen : undefined,
      );
      const locale = offer.locale;
      return sendPage(
        reply,
        AlertOfferPage({
          path: request.url.split('?')[0] ?? '',
          offer,
          claimed: hold
            ? { continueHref: continueBookingPath(hold.id), until: formatTime(hold.expiresAt, locale) }
            : undefined,
          csrf: csrfOf(reply),
        }),
      );
    },
  );

  app.post(
    '/alertas/oferta/:token',
    { schema: { hide: true, params: TokenParams } },
    async (request, reply) => {
      // A place that is gone is shown as such on the offer's page.
      await submitForm(() => claimOffer(db(), request.params.token, app.deps.clock(), settings()), {
        shows: ['HOLD_EXPIRED'],
      });
      return reply.redirect(`/alertas/oferta/${encodeURIComponent(request.params.token)}`, 303);
    },
  );
}
