/**
 * The one source of time. Every instant the product writes or compares (holds, offers, jobs, leases,
 * tokens, proof-of-work, rate-limit windows, audit and mail timestamps) comes from a `Clock` passed in
 * from the composition root (`buildApp`, the server, the CLI); tests pass a clock they move themselves.
 * The database's `now()` is only a column default that nothing compares against, so an app host and a
 * database host whose clocks differ cannot shift expiries or delay jobs.
 */
export type Clock = () => Date;

/** The host's clock: only the entry points use it, everything else receives a `Clock` or a `now`. */
export const systemClock: Clock = () => new Date();
