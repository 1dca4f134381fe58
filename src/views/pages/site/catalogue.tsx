import { CATEGORIES } from '../../../domain/channels.js';
import { type Locale, translator } from '../../../i18n/index.js';
import type { CatalogueSearch } from '../../../services/catalogue/procedures.js';
import { emptyForm, SelectField, TextField } from '../../components/form.js';
import { Layout } from '../../layout.js';
import { ProcedureCard } from './procedure-parts.js';

export function CataloguePage({ locale, search }: { locale: Locale; search: CatalogueSearch }) {
  const t = translator(locale);
  const state = emptyForm({ q: search.q, categoria: search.category ?? '', canal: search.channel ?? '' });
  const filtered = search.q !== '' || search.category !== null || search.channel !== null;
  const params = new URLSearchParams();
  if (search.q !== '') params.set('q', search.q);
  if (search.category) params.set('categoria', search.category);
  if (search.channel) params.set('canal', search.channel);
  const query = params.toString();
  const path = query === '' ? '/tramites' : `/tramites?${query}`;
  const countText =
    search.count === 1 ? t('catalogue.results.one') : t('catalogue.results', { count: search.count });
  return (
    <Layout locale={locale} title={t('catalogue.title')} path={path}>
      <h1>{t('catalogue.title')}</h1>
      <p class="lead">{t('catalogue.lead')}</p>
      <form method="get" action="/tramites" class="search-form">
        <TextField
          t={t}
          state={state}
          name="q"
          label={t('catalogue.search')}
          hint={t('catalogue.search.hint')}
          type="text"
          autocomplete="off"
        />
        <div class="search-filters">
          <SelectField
            t={t}
            state={state}
            name="categoria"
            label={t('catalogue.category')}
            placeholder={t('catalogue.category.all')}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`catalogue.category.${c}`) }))}
          />
          <SelectField
            t={t}
            state={state}
            name="canal"
            label={t('catalogue.channel')}
            placeholder={t('catalogue.channel.all')}
            options={search.channels.map((c) => ({ value: c.code, label: c.name }))}
          />
        </div>
        <button type="submit" class="button">
          {t('catalogue.submit')}
        </button>
      </form>
      <p class="results-count" id="resultados">
        {countText}
        {search.q !== '' ? ` ${t('catalogue.results.for', { q: search.q })}` : ''}
        {filtered ? (
          <>
            {' · '}
            <a href="/tramites">{t('catalogue.clear')}</a>
          </>
        ) : null}
      </p>
      {search.count === 0 ? (
        <div class="callout">
          <p>
            <strong>{t('catalogue.none')}</strong>
          </p>
          <p>{t('catalogue.none.hint')}</p>
        </div>
      ) : null}
      {search.groups.map((g) => (
        <section aria-labelledby={`categoria-${g.category}`}>
          <h2 id={`categoria-${g.category}`}>{t(`catalogue.category.${g.category}`)}</h2>
          <ul class="card-list">
            {g.procedures.map((p) => (
              <ProcedureCard t={t} procedure={p} channels={search.channels} />
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
