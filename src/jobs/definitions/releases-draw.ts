import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** Queued for a release's close: the draw, once (see `drawRelease`). */
export const RELEASES_DRAW = defineJob({
  name: 'releases.draw',
  payload: Type.Object({ releaseId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  retry: { baseSeconds: 10, capSeconds: 300 },
});
