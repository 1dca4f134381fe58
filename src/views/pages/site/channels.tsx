import type { Channel } from '../../../domain/channels.js';
import { type Locale, translator } from '../../../i18n/index.js';
import type { ChannelWithCount } from '../../../services/catalogue/channels.js';
import { Layout } from '../../layout.js';

const STEPS = ['how1', 'how2', 'how3'] as const;

export function ChannelsPage({
  locale,
  channels,
}: {
  locale: Locale;
  channels: readonly ChannelWithCount[];
}) {
  const t = translator(locale);
  return (
    <Layout locale={locale} title={t('channels.title')} path="/canales">
      <h1>{t('channels.title')}</h1>
      <p class="lead">{t('channels.lead')}</p>
      <ul class="card-list channel-list">
        {channels.map((c) => (
          <li class="card" id={`canal-${c.code}`}>
            <h2 class="card-title">{c.name}</h2>
            <p class="tag">{c.remote ? t('channels.remote') : t('channels.inPerson')}</p>
            <p>{c.description}</p>
            <ol class="steps">
              {STEPS.map((s) => (
                <li>{t(`channels.${c.code as Channel}.${s}`)}</li>
              ))}
            </ol>
            <p>
              {t('channels.procedures', { count: c.procedures })}:{' '}
              <a href={`/tramites?canal=${c.code}`}>{t('channels.procedures.link', { channel: c.name })}</a>
            </p>
          </li>
        ))}
      </ul>
      <p>
        <a class="button button-start" href="/reservar">
          {t('home.start')}
        </a>
      </p>
    </Layout>
  );
}
