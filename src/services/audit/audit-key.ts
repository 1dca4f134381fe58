import { DEVELOPMENT_AUDIT_KEY } from '../../config.js';

/**
 * The key of the audit chain (AUDIT_KEY). It is configuration, the same in every process, set once at
 * start by the composition root (`buildApp`, the command line) rather than threaded through the forty
 * services that record an event. Until then it is the development key, as in the tests.
 */
let current = DEVELOPMENT_AUDIT_KEY;

export function useAuditKey(key: string): void {
  current = key;
}

export function auditKey(): string {
  return current;
}
