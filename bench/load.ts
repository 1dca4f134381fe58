import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** p99 of the 2xx responses alone: what the clients that were served waited (503s are answered fast). */
  p99Answered: number;
  /** Responses other than 2xx, plus connection errors and timeouts. */
  errors: number;
  statusCounts: Record<string, number>;
}

/** Percentile of sorted latencies (ms), nearest rank. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Number((sorted[index] ?? 0).toFixed(2));
}

export type Instance = autocannon.Instance;

/**
 * Runs autocannon and measures every response's latency itself (autocannon's summary has no p95).
 * `onInstance` may stop the run early (the booking rush stops when every person is done).
 */
export async function load(
  // autocannon spreads connections over several URLs; its types know only one
  options: Omit<autocannon.Options, 'url'> & { url: string | string[] },
  onInstance?: (instance: Instance) => void,
): Promise<LoadResult> {
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const answered: number[] = [];
  const statusCounts: Record<string, number> = {};
  const started = performance.now();
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (err: unknown) => void = () => undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(options as autocannon.Options, (err, result) =>
    err ? fail(err) : finish(result),
  );
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (count === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[count++] = responseTime;
    if (statusCode >= 200 && statusCode < 300) answered.push(responseTime);
    const key = String(statusCode);
    statusCounts[key] = (statusCounts[key] ?? 0) + 1;
  });
  onInstance?.(instance);
  const result = await finished;
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.slice(0, count).sort();
  const non2xx = Object.entries(statusCounts)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    requests: count,
    durationSeconds: Number(seconds.toFixed(2)),
    requestsPerSecond: Math.round(count / seconds),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    p99Answered: percentile(Float64Array.from(answered).sort(), 99),
    errors: non2xx + result.errors + result.timeouts,
    statusCounts,
  };
}
