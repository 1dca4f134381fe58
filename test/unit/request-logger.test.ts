import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { LazyRequestLogger } from '../../src/http/request-logger.js';
import { createLogger } from '../../src/log.js';

function sink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      const { time: _time, ...line } = JSON.parse(chunk.toString()) as Record<string, unknown>;
      lines.push(line);
      done();
    },
  });
  return { lines, stream };
}

describe('the lazy request logger', () => {
  it('writes the very lines of pino’s own child, redaction included', () => {
    const own = sink();
    const lazy = sink();
    const err = new Error('boom');
    const write = (logger: {
      warn: (o: object, m: string) => void;
      info: (m: string) => void;
      error: (o: object) => void;
    }) => {
      logger.warn({ applicant: { documentNumber: '79865432' }, slot: 7 }, 'hold refused');
      logger.info('incoming request');
      logger.error({ err });
    };
    write(createLogger('info', own.stream).child({ reqId: 'r-1' }));
    write(new LazyRequestLogger(createLogger('info', lazy.stream), { reqId: 'r-1' }, {}));
    expect(lazy.lines).toHaveLength(3);
    expect(lazy.lines).toEqual(own.lines);
    expect(JSON.stringify(lazy.lines)).not.toContain('79865432');
  });

  it('makes no child while nothing is written at a level that is on', () => {
    const parent = createLogger('warn', sink().stream);
    const child = vi.spyOn(parent, 'child');
    const logger = new LazyRequestLogger(parent, { reqId: 'r-2' }, {});
    logger.info('incoming request');
    logger.debug({ detail: 1 }, 'detail');
    logger.trace('trace');
    expect(child).not.toHaveBeenCalled();
    logger.warn('something to look at');
    logger.error('and worse');
    expect(child).toHaveBeenCalledTimes(1);
  });

  it('follows a route’s own level over the parent’s', () => {
    const out = sink();
    const logger = new LazyRequestLogger(
      createLogger('info', out.stream),
      { reqId: 'r-3' },
      { level: 'warn' },
    );
    expect(logger.level).toBe('warn');
    logger.info('not written');
    logger.warn('written');
    expect(out.lines.map((l) => l.msg)).toEqual(['written']);
    expect(out.lines[0]?.reqId).toBe('r-3');
  });

  it('gives children that carry the request’s bindings', () => {
    const out = sink();
    const logger = new LazyRequestLogger(createLogger('info', out.stream), { reqId: 'r-4' }, {});
    logger.child({ step: 'confirm' }).info('done');
    expect(out.lines[0]).toMatchObject({ reqId: 'r-4', step: 'confirm', msg: 'done' });
  });
});
