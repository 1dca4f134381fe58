import { ProblemSchema } from '../../schemas/common.js';

/** The refusals a booking route may answer, each as problem+json (RFC 9457). */
export const problems = {
  400: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  410: ProblemSchema,
  422: ProblemSchema,
};
