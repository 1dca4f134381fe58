import { type Locale, type MessageKey, translator } from '../../../i18n/index.js';
import { CONTACT_KEYS } from '../../../services/catalogue/site-texts.js';
import { Layout } from '../../layout.js';
import { useSiteTexts } from '../../site-texts-context.js';

const FAQ = ['cost', 'personal', 'change', 'code', 'limit', 'late', 'hold', 'password'] as const;

export function HelpPage({ locale }: { locale: Locale }) {
  const t = translator(locale);
  const texts = useSiteTexts(locale);
  return (
    <Layout locale={locale} title={t('help.title')} path="/ayuda">
      <h1>{t('help.title')}</h1>
      <p class="lead">{t('help.lead')}</p>
      <h2 id="ultimo-dia">{t('help.deadline')}</h2>
      <div class="callout callout-warning">
        <p>{texts.get('ayuda.ultimo-dia')}</p>
      </div>
      <h2 id="contacto">{t('help.contact')}</h2>
      <ul class="contact-list">
        {CONTACT_KEYS.map((key) => (
          <li>{texts.get(key)}</li>
        ))}
      </ul>
      <h2 id="sin-cupos">{t('help.noSlots')}</h2>
      <p>{texts.get('ayuda.sin-cupos')}</p>
      <h2 id="preguntas">{t('help.faq')}</h2>
      <div class="faq">
        {FAQ.map((id) => (
          <div class="faq-item" id={`pregunta-${id}`}>
            <h3>{t(`help.faq.${id}.q` as MessageKey)}</h3>
            <p>{t(`help.faq.${id}.a` as MessageKey)}</p>
          </div>
        ))}
      </div>
      <h2>{t('help.moreLinks')}</h2>
      <ul class="link-list">
        <li>
          <a href="/cuando-necesito-cita">{t('home.whenNeeded')}</a>
        </li>
        <li>
          <a href="/gestionar">{t('home.manage')}</a>
        </li>
        <li>
          <a href="/alertas">{t('help.alerts')}</a>
        </li>
        <li>
          <a href="/puntos-de-autoservicio">{t('home.more.kiosks')}</a>
        </li>
        <li>
          <a href="/privacidad">{t('layout.footer.policy')}</a>
        </li>
      </ul>
    </Layout>
  );
}
