import type { Channel } from '../../../domain/channels.js';
import type { Translator } from '../../../i18n/index.js';
import type { ChannelView } from '../../../services/catalogue/channels.js';
import type { ProcedureView } from '../../../services/catalogue/procedures.js';

export const bookHref = (code: string) => `/reservar?tramite=${encodeURIComponent(code)}`;
export const procedureHref = (code: string) => `/tramites/${encodeURIComponent(code)}`;

export function channelNames(channels: readonly ChannelView[], codes: readonly Channel[]): string {
  return codes.map((c) => channels.find((x) => x.code === c)?.name ?? c).join(', ');
}

/** One procedure in a list: what it is, then either its online link or channels, length and requirements. */
export function ProcedureCard({
  t,
  procedure: p,
  channels,
  headingLevel = 3,
}: {
  t: Translator;
  procedure: ProcedureView;
  channels: readonly ChannelView[];
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li class="card procedure-card">
      <Heading class="card-title">
        <a href={procedureHref(p.code)}>{p.name}</a>
      </Heading>
      <p>{p.summary}</p>
      {p.requiresAppointment ? (
        <>
          <dl class="meta">
            <div>
              <dt>{t('catalogue.channels')}</dt>
              <dd>{channelNames(channels, p.channels)}</dd>
            </div>
            {p.durationMinutes !== null ? (
              <div>
                <dt>{t('catalogue.duration')}</dt>
                <dd>{t('catalogue.minutes', { minutes: p.durationMinutes })}</dd>
              </div>
            ) : null}
          </dl>
          <p class="meta-label">{t('catalogue.requirements')}</p>
          <ul class="requirements">
            {p.requirements.length > 0 ? (
              p.requirements.map((r) => <li>{r}</li>)
            ) : (
              <li>{t('catalogue.noRequirements')}</li>
            )}
          </ul>
          {p.selfServiceUrl ? <p class="online-note">{p.selfServiceText}</p> : null}
          <p>
            <a class="button button-small" href={bookHref(p.code)}>
              {t('catalogue.book')}
              <span class="visually-hidden"> {t('catalogue.bookFor', { name: p.name })}</span>
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="tag tag-online">{t('catalogue.online')}</p>
          {p.selfServiceText ? <p>{p.selfServiceText}</p> : null}
          {p.selfServiceUrl ? (
            <p>
              <a href={p.selfServiceUrl} rel="noopener">
                {t('when.online.go', { name: p.name })}
              </a>
            </p>
          ) : null}
        </>
      )}
    </li>
  );
}
