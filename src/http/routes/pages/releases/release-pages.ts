import type { App } from '../../../types.js';
import { releaseLinkPages } from './release-link-pages.js';
import { releaseListPages } from './release-list-page.js';

/** The citizen's pages of the fair release (DESIGN.md §7), all under /sorteos. */
export async function releasePages(app: App): Promise<void> {
  releaseListPages(app);
  releaseLinkPages(app);
}
