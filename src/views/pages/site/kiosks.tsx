import type { FieldError } from '../../../domain/errors.js';
import { type Locale, type Translator, translator } from '../../../i18n/index.js';
import type { KioskSearch, KioskView } from '../../../services/catalogue/kiosks.js';
import { ErrorSummary, type FormState, SelectField } from '../../components/form.js';
import { Layout } from '../../layout.js';

function KioskList({
  t,
  kiosks,
  showCity,
}: {
  t: Translator;
  kiosks: readonly KioskView[];
  showCity: boolean;
}) {
  return (
    <ul class="card-list kiosk-list">
      {kiosks.map((k) => (
        <li class="card">
          <h3 class="card-title">{k.name}</h3>
          <p class="tag">{t(`kiosks.place.${k.placeType}`)}</p>
          <dl class="meta">
            <div>
              <dt>{t('kiosks.address')}</dt>
              <dd>
                {k.address}
                {showCity ? `, ${k.city} (${k.department})` : ''}
              </dd>
            </div>
            <div>
              <dt>{t('kiosks.hours')}</dt>
              <dd>{k.hours}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

const countOf = (t: Translator, n: number) =>
  n === 1 ? t('kiosks.count.one') : t('kiosks.count', { count: n });

export function KiosksPage({ locale, search }: { locale: Locale; search: KioskSearch }) {
  const t = translator(locale);
  const errors: FieldError[] = search.unknownCity ? [{ field: 'ciudad', key: 'kiosks.unknownCity' }] : [];
  const state: FormState = { values: { ciudad: search.city?.code ?? '' }, errors };
  const path = search.city ? `/puntos-de-autoservicio?ciudad=${search.city.code}` : '/puntos-de-autoservicio';
  const title = t('kiosks.title');
  return (
    <Layout locale={locale} title={title} path={path}>
      <ErrorSummary t={t} state={state} />
      <h1>{title}</h1>
      <p class="lead">{t('kiosks.lead')}</p>
      <form method="get" action="/puntos-de-autoservicio" class="search-form">
        <SelectField
          t={t}
          state={state}
          name="ciudad"
          label={t('kiosks.city')}
          hint={t('kiosks.city.hint')}
          placeholder={t('kiosks.city.all')}
          options={search.cities.map((c) => ({ value: c.code, label: `${c.name} (${c.department})` }))}
        />
        <button type="submit" class="button">
          {t('kiosks.submit')}
        </button>
      </form>
      {search.unknownCity ? null : search.city ? (
        <section aria-labelledby="resultados">
          <h2 id="resultados">
            {t('kiosks.in', { city: search.city.name })}{' '}
            <span class="count">({countOf(t, search.kiosks.length)})</span>
          </h2>
          {search.kiosks.length > 0 ? (
            <KioskList t={t} kiosks={search.kiosks} showCity={false} />
          ) : (
            <>
              <p>{t('kiosks.noneInCity', { city: search.city.name })}</p>
              {search.nearby.length > 0 ? (
                <>
                  <h3>{t('kiosks.nearby', { department: search.city.department })}</h3>
                  <KioskList t={t} kiosks={search.nearby} showCity={true} />
                </>
              ) : (
                <p>{t('kiosks.noneNearby')}</p>
              )}
            </>
          )}
        </section>
      ) : (
        <section aria-labelledby="resultados">
          <h2 id="resultados">
            {t('kiosks.all')} <span class="count">({countOf(t, search.kiosks.length)})</span>
          </h2>
          <KioskList t={t} kiosks={search.kiosks} showCity={true} />
        </section>
      )}
    </Layout>
  );
}
