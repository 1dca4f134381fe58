import type { Locale } from '../../i18n/index.js';

/**
 * An e-mail's content as structure, rendered twice: as plain text (`renderMailText`) and as simple,
 * accessible HTML (`renderMailHtml`), so both bodies always say the same.
 */
/** A value shown as a link in the HTML body; the plain text shows its text (an address, when it matters). */
export interface MailLink {
  text: string;
  href: string;
}

export type MailBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'details'; items: readonly (readonly [label: string, value: string | MailLink])[] }
  | { type: 'list'; title: string; items: readonly string[] }
  | { type: 'action'; text: string; href: string };

export interface MailContent {
  locale: Locale;
  subject: string;
  heading: string;
  greeting: string;
  blocks: readonly MailBlock[];
  /** Small print: why the message came, unsubscribe, the authority. */
  footer: readonly (string | { text: string; href: string })[];
  brand: string;
}

export function renderMailText(content: MailContent): string {
  const parts: string[] = [content.greeting, ''];
  for (const block of content.blocks) {
    switch (block.type) {
      case 'paragraph':
        parts.push(block.text, '');
        break;
      case 'details':
        for (const [label, value] of block.items)
          parts.push(`${label}: ${typeof value === 'string' ? value : value.text}`);
        parts.push('');
        break;
      case 'list':
        parts.push(block.title, ...block.items.map((item) => `- ${item}`), '');
        break;
      case 'action':
        parts.push(`${block.text}: ${block.href}`, '');
        break;
    }
  }
  parts.push('--');
  for (const line of content.footer)
    parts.push(typeof line === 'string' ? line : `${line.text}: ${line.href}`);
  return `${parts.join('\n')}\n`;
}
