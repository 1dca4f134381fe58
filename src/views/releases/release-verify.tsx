import type { Translator } from '../../i18n/index.js';
import type { ReleasePageView } from '../../services/journey/release-pages.js';

/** How many entry ids the page lists; the API gives them all. */
const SHOWN = 200;

/**
 * The draw's evidence and how anyone recomputes it (DESIGN.md §7): the hash is over the seed's 32 bytes,
 * the order sorts the entry ids by hex HMAC-SHA256 keyed with those bytes.
 */
export function ReleaseVerify({
  t,
  release,
  apiUrl,
}: {
  t: Translator;
  release: ReleasePageView;
  apiUrl: string;
}) {
  const seed = release.seed ?? t('releasePages.verify.seedWord');
  const firstId = release.order?.[0] ?? t('releasePages.verify.entryWord');
  const node = `curl -s ${apiUrl} | node -e 'const c=require("crypto"),r=JSON.parse(require("fs").readFileSync(0)),k=Buffer.from(r.seed,"hex"),h=e=>c.createHmac("sha256",k).update(e).digest("hex");console.log(c.createHash("sha256").update(k).digest("hex")===r.seedHash,JSON.stringify([...r.order].sort((a,b)=>h(a)<h(b)?-1:1))===JSON.stringify(r.order))'`;
  const openssl = `printf '%s' '${firstId}' | openssl dgst -sha256 -mac HMAC -macopt hexkey:${seed}`;
  return (
    <section aria-labelledby="verify-title">
      <h2 id="verify-title">{t('releasePages.verify.title')}</h2>
      <dl class="summary-list">
        <div class="summary-row">
          <dt class="summary-key">{t('releasePages.verify.hash')}</dt>
          <dd class="summary-value release-code" id="seed-hash">
            {release.seedHash}
          </dd>
        </div>
        <div class="summary-row">
          <dt class="summary-key">{t('releasePages.verify.seed')}</dt>
          <dd class={release.seed ? 'summary-value release-code' : 'summary-value'} id="seed">
            {release.seed ?? t('releasePages.verify.seedPending')}
          </dd>
        </div>
      </dl>
      <ol>
        <li>{t('releasePages.verify.step1')}</li>
        <li>{t('releasePages.verify.step2')}</li>
        <li>{t('releasePages.verify.step3')}</li>
      </ol>
      <p>{t('releasePages.verify.command')}</p>
      <p>
        <code class="release-code">{node}</code>
      </p>
      <p>{t('releasePages.verify.oneEntry')}</p>
      <p>
        <code class="release-code">{openssl}</code>
      </p>
      {release.order ? (
        <>
          <h3>{t('releasePages.verify.order')}</h3>
          {release.order.length > SHOWN ? (
            <p>
              {t('releasePages.verify.orderShown', { shown: SHOWN, total: release.order.length })}{' '}
              <a href={apiUrl}>{apiUrl}</a>
            </p>
          ) : null}
          <ol class="release-code" id="draw-order">
            {release.order.slice(0, SHOWN).map((id) => (
              <li>{id}</li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
