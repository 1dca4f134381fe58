import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** A whole HTML document from a page's element tree; text is escaped by the renderer. */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${render(page)}`;
}
