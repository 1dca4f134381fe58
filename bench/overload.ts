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
  return {
    wellConnections,
    overloadConnections,
    normal,
    overload,
    shedShare: overload.requests === 0 ? 0 : Number((shed / overload.requests).toFixed(3)),
    answeredP99: overload.p99Answered,
    secondsToRecover,
  };
}
