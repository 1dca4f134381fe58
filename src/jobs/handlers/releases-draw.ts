import { drawRelease } from '../../services/releases/draw.js';
import { releaseSettings } from '../../services/releases/release-settings.js';
import { RELEASES_DRAW } from '../definitions/releases-draw.js';
import { handleJob } from '../handler.js';

export const RELEASES_DRAW_HANDLER = handleJob(RELEASES_DRAW, async (ctx, { releaseId }) => {
  const result = await drawRelease(ctx.db, releaseId, ctx.now, releaseSettings(ctx.config));
  if (result) ctx.log.info({ releaseId, ...result }, 'release drawn');
});
