import { render } from 'preact-render-to-string';
import type { MailBlock, MailContent } from './content.js';

const TEXT = '#4B4B4B';
const DARK_BLUE = '#004884';
const PRIMARY = '#3366CC';

function Block({ block }: { block: MailBlock }) {
  switch (block.type) {
    case 'paragraph':
      return <p style="margin:0 0 16px">{block.text}</p>;
    case 'details':
      return (
        <dl style="margin:0 0 16px">
          {block.items.map(([label, value]) => (
            <>
              <dt style="font-weight:bold;margin-top:8px">{label}</dt>
              <dd style="margin:0">
                {typeof value === 'string' ? (
                  value
                ) : (
                  <a href={value.href} style={`color:${PRIMARY}`}>
                    {value.text}
                  </a>
                )}
              </dd>
            </>
          ))}
        </dl>
      );
    case 'list':
      return (
        <>
          <h2 style={`font-size:18px;color:${DARK_BLUE};margin:24px 0 8px`}>{block.title}</h2>
          <ul style="margin:0 0 16px;padding-left:24px">
            {block.items.map((item) => (
              <li>{item}</li>
            ))}
          </ul>
        </>
      );
    case 'action':
      return (
        <p style="margin:24px 0">
          <a
            href={block.href}
            style={`display:inline-block;background:${PRIMARY};color:#ffffff;padding:12px 20px;text-decoration:underline;font-weight:bold`}
          >
            {block.text}
          </a>
        </p>
      );
  }
}

function MailDocument({ content }: { content: MailContent }) {
  const lang = content.locale === 'es' ? 'es-CO' : 'en';
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{content.subject}</title>
      </head>
      <body
        style={`margin:0;padding:0;background:#F2F2F2;color:${TEXT};font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5`}
      >
        {/* biome-ignore lint/a11y/useSemanticElements: webmail clients strip <article>; role="article" is the e-mail accessibility convention */}
        <div
          role="article"
          aria-label={content.subject}
          lang={lang}
          style="max-width:600px;margin:0 auto;background:#ffffff"
        >
          <header style={`background:${DARK_BLUE};color:#ffffff;padding:12px 24px`}>
            <p style="margin:0;font-weight:bold">{content.brand}</p>
          </header>
          <main style="padding:24px">
            <h1 style={`font-size:24px;color:${DARK_BLUE};margin:0 0 16px`}>{content.heading}</h1>
            <p style="margin:0 0 16px">{content.greeting}</p>
            {content.blocks.map((block) => (
              <Block block={block} />
            ))}
          </main>
          <footer style="padding:16px 24px;border-top:1px solid #C9E2FF;font-size:14px">
            {content.footer.map((line) =>
              typeof line === 'string' ? (
                <p style="margin:0 0 8px">{line}</p>
              ) : (
                <p style="margin:0 0 8px">
                  <a href={line.href} style={`color:${PRIMARY}`}>
                    {line.text}
                  </a>
                </p>
              ),
            )}
          </footer>
        </div>
      </body>
    </html>
  );
}

/** The HTML body: semantic, one column, language set, no images, readable without styles. */
export function renderMailHtml(content: MailContent): string {
  return `<!doctype html>${render(<MailDocument content={content} />)}`;
}
