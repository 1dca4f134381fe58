import type { FastifyBaseLogger } from 'fastify';
import pino, { type Bindings, type ChildLoggerOptions } from 'pino';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * The logger of one request, made only when the request writes a line at a level that is on. Fastify
 * gives every request a child logger bound to its id, and pino passes those bindings through the
 * redaction paths of `src/log.ts`: ~8 µs per request, as much as a cached search's own work, while at
 * the production level almost no request writes anything (docs/scaling.md). Lines that are written are
 * the same as from pino's own child.
 */
export class LazyRequestLogger implements FastifyBaseLogger {
  private made: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  get level(): string {
    return this.made?.level ?? this.options.level ?? this.parent.level;
  }

  set level(level: string) {
    this.logger().level = level;
  }

  fatal(first: unknown, ...rest: unknown[]): void {
    this.write('fatal', first, rest);
  }

  error(first: unknown, ...rest: unknown[]): void {
    this.write('error', first, rest);
  }

  warn(first: unknown, ...rest: unknown[]): void {
    this.write('warn', first, rest);
  }

  info(first: unknown, ...rest: unknown[]): void {
    this.write('info', first, rest);
  }

  debug(first: unknown, ...rest: unknown[]): void {
    this.write('debug', first, rest);
  }

  trace(first: unknown, ...rest: unknown[]): void {
    this.write('trace', first, rest);
  }

  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.logger().child(bindings, options);
  }

  private logger(): FastifyBaseLogger {
    this.made ??= this.parent.child(this.bindings, this.options);
    return this.made;
  }

  private write(level: Level, first: unknown, rest: unknown[]): void {
    // A level pino does not know here (silent, a custom one) is left to pino itself to decide.
    const threshold = pino.levels.values[this.level];
    if (threshold !== undefined && (pino.levels.values[level] ?? 0) < threshold) return;
    const logger = this.logger();
    Reflect.apply(logger[level], logger, [first, ...rest]);
  }
}

/** Fastify's `childLoggerFactory`: every request's logger is a lazy one. */
export function lazyRequestLogger(
  parent: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  return new LazyRequestLogger(parent, bindings, options);
}
