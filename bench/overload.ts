import type autocannon from 'autocannon';
import { type LoadResult, load } from './load.js';

export interface OverloadOutcome {
  /** The concurrency the process answers well, and the overload: ten times that. */
  wellConnections: number;
  overloadConnections: number;
  /** The process at the concurrency it answers well: its p99 is the "normal latency". */
  normal: LoadResult;
  overload: LoadResult;
  /** Share of the overload's responses that were 503 (shed). */
  shedShare: number;
  /** p99 of the requests the overload run got answered with 2xx, in ms. */
  answeredP99: number;
  /**
   * 2xx per second at the normal concurrency and under the overload. The shed share alone overstates
   * the refusals: each client told 503 at once asks again at once, so one client makes many 503s in the
   * time an answer takes.
   */
  normalAnsweredPerSecond: number;
  overloadAnsweredPerSecond: number;
  /** After the overload stops, until one request is answered 200 within the normal p99. */
  secondsToRecover: number | null;
}

/** How long to keep asking for a normal answer after the overload before giving up. */
const RECOVERY_LIMIT_MS = 30_000;

/**
 * Ten times the concurrency the process answers well, on reads that go to the database (the times of a
 * day, mostly cache misses): how much is shed with 503, how long the answered ones wait, and how soon,
 * once the crowd leaves, a request is answered as fast as before it came.
 */
export async function overloadScenario({
  url,
  path,
  seconds,
  wellConnections,
}: {
  url: string;
  path: () => string;
  seconds: number;
  wellConnections: number;
}): Promise<OverloadOutcome> {
  const requests: autocannon.Request[] = [{ setupRequest: (req) => ({ ...req, path: path() }) }];
  const normal = await load({ url, connections: wellConnections, duration: seconds, requests });
  const overloadConnections = wellConnections * 10;
  const overload = await load({ url, connections: overloadConnections, duration: seconds, requests });
  const stopped = performance.now();
  let secondsToRecover: number | null = null;
  while (performance.now() - stopped < RECOVERY_LIMIT_MS) {
    const asked = performance.now();
    const res = await fetch(`${url}${path()}`).catch(() => undefined);
    await res?.arrayBuffer();
    const took = performance.now() - asked;
    if (res?.status === 200 && took <= normal.p99) {
      secondsToRecover = Number(((performance.now() - stopped) / 1000).toFixed(2));
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const shed = overload.statusCounts['503'] ?? 0;
  const answeredPerSecond = (r: LoadResult) =>
    Math.round(
      Object.entries(r.statusCounts)
        .filter(([status]) => status.startsWith('2'))
        .reduce((sum, [, n]) => sum + n, 0) / Math.max(0.001, r.durationSeconds),
    );
  return {
    wellConnections,
    overloadConnections,
    normal,
    overload,
    shedShare: overload.requests === 0 ? 0 : Number((shed / overload.requests).toFixed(3)),
    answeredP99: overload.p99Answered,
    normalAnsweredPerSecond: answeredPerSecond(normal),
    overloadAnsweredPerSecond: answeredPerSecond(overload),
    secondsToRecover,
  };
}
