import { CATEGORIES } from '../../../domain/channels.js';
import { type Locale, translator } from '../../../i18n/index.js';
import type { CatalogueSearch } from '../../../services/site/catalogue.js';
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
    search.count === 1 ? t('catalog.results.one') : t('catalog.results', { count: search.count });
  return (
    <Layout locale={locale} title={t('catalog.title')} path={path}>
      <h1>{t('catalog.title')}</h1>
      <p class="lead">{t('catalog.lead')}</p>
      <form method="get" action="/tramites" class="search-form">
        <TextField
          t={t}
          state={state}
          name="q"
          label={t('catalog.search')}
          hint={t('catalog.search.hint')}
          type="text"
          autocomplete="off"
        />
        <div class="search-filters">
          <SelectField
            t={t}
            state={state}
            name="categoria"
            label={t('catalog.category')}
            placeholder={t('catalog.category.all')}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`catalog.category.${c}`) }))}
          />
          <SelectField
            t={t}
            state={state}
            name="canal"
            label={t('catalog.channel')}
            placeholder={t('catalog.channel.all')}
            options={search.channels.map((c) => ({ value: c.code, label: c.name }))}
          />
        </div>
        <button type="submit" class="button">
          {t('catalog.submit')}
        </button>
      </form>
      <p class="results-count" id="resultados">
        {countText}
        {search.q !== '' ? ` ${t('catalog.results.for', { q: search.q })}` : ''}
        {filtered ? (
          <>
            {' · '}
            <a href="/tramites">{t('catalog.clear')}</a>
          </>
        ) : null}
      </p>
      {search.count === 0 ? (
        <div class="callout">
          <p>
            <strong>{t('catalog.none')}</strong>
          </p>
          <p>{t('catalog.none.hint')}</p>
        </div>
      ) : null}
      {search.groups.map((g) => (
        <section aria-labelledby={`categoria-${g.category}`}>
          <h2 id={`categoria-${g.category}`}>{t(`catalog.category.${g.category}`)}</h2>
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
