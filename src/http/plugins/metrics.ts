import cluster from 'node:cluster';
import { timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { bookingRegistry } from '../../metrics.js';
import { countPendingJobs } from '../../repositories/metrics.js';
import { clusterMetrics, contributeToCluster, inCluster } from '../cluster-metrics.js';
import type { App } from '../types.js';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus metrics at /metrics: request durations by route, the booking counters, the job queue's depth
 * and the connection pool. With METRICS_TOKEN set, a scrape needs `Authorization: Bearer <token>`; without
 * it the endpoint is open in development and absent in production, so it is never public by accident.
 * Under WORKERS=N one scrape reports every HTTP process (see `cluster-metrics.ts`).
 */
export async function registerMetrics(app: App): Promise<void> {
  const { config, database } = app.deps;
  const token = config.metricsToken;
  if (!token && config.nodeEnv === 'production') return;

  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request to response, by route template',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'agenda_process_info',
    help: 'This process: its id and, under WORKERS>1, its cluster worker number (0 alone)',
    labelNames: ['pid', 'worker'] as const,
    registers: [registry],
    collect() {
      this.set({ pid: String(process.pid), worker: String(cluster.worker?.id ?? 0) }, 1);
    },
  });
  new Gauge({
    name: 'agenda_jobs_pending',
    help: 'Background jobs queued or running (the queue depth)',
    labelNames: ['status'] as const,
    registers: [registry],
    // Every process reads the same queue: across a cluster the depth is any one reading, not their sum.
    aggregator: 'first',
    async collect() {
      const pending = await countPendingJobs(database.db);
      this.set({ status: 'queued' }, pending.queued);
      this.set({ status: 'running' }, pending.running);
    },
  });
  const poolStats = database.poolStats;
  if (poolStats) {
    new Gauge({
      name: 'agenda_db_pool_connections',
      help: 'Database connections of this process: size (the maximum), total, idle, and requests waiting',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const s = poolStats();
        this.set({ state: 'size' }, s.size);
        this.set({ state: 'total' }, s.total);
        this.set({ state: 'idle' }, s.idle);
        this.set({ state: 'waiting' }, s.waiting);
      },
    });
  }

  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  const clustered = inCluster();
  if (clustered) contributeToCluster([registry, bookingRegistry]);

  app.get('/metrics', { logLevel: 'warn', schema: { hide: true } }, async (request, reply) => {
    if (token) {
      const header = request.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
      if (!sameToken(given, token)) {
        return reply.code(401).header('www-authenticate', 'Bearer').send({ status: 401 });
      }
    }
    reply.header('cache-control', 'no-store');
    if (clustered) return reply.type(Registry.PROMETHEUS_CONTENT_TYPE).send(await clusterMetrics());
    const merged = Registry.merge([registry, bookingRegistry]);
    return reply.type(merged.contentType).send(await merged.metrics());
  });
}
