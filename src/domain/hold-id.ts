/** Holds are named by a random UUID; anything else names no hold, and must never reach a uuid column. */
export function isHoldId(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
