import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry, type Registry } from 'prom-client';

/**
 * Under `WORKERS=N` the HTTP processes share one port, so a scrape of /metrics reaches whichever process
 * takes the connection: alone, it would report that process only and Prometheus could never see the
 * others. The process that takes the scrape asks the primary, which gathers every HTTP process's
 * registries over the cluster's IPC channel (prom-client's AggregatorRegistry: counters and histograms
 * summed, per-process series kept apart by their labels) and answers with the whole.
 */

const REQUEST = 'agenda:metrics-request';
const REPLY = 'agenda:metrics-reply';

interface MetricsRequest {
  type: typeof REQUEST;
  id: string;
}

interface MetricsReply {
  type: typeof REPLY;
  id: string;
  text?: string;
  error?: string;
}

function isRequest(message: unknown): message is MetricsRequest {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === REQUEST;
}

function isReply(message: unknown): message is MetricsReply {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === REPLY;
}

/** Whether this process is an HTTP process of a cluster (its metrics are then gathered by the primary). */
export const inCluster = (): boolean => cluster.isWorker && typeof process.send === 'function';

/** In an HTTP process: the registries this process contributes when the primary gathers metrics. */
export function contributeToCluster(registries: Registry[]): void {
  // Constructing one installs prom-client's listener for the primary's collection requests.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries(registries);
}

/** In an HTTP process: the metrics of every HTTP process, as the primary gathered them. */
export function clusterMetrics(timeoutMs = 6_000): Promise<string> {
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      reject(new Error('the primary did not answer with the cluster metrics'));
    }, timeoutMs);
    function onMessage(message: unknown) {
      if (!isReply(message) || message.id !== id) return;
      clearTimeout(timer);
      process.off('message', onMessage);
      if (message.text === undefined) reject(new Error(message.error ?? 'no cluster metrics'));
      else resolve(message.text);
    }
    process.on('message', onMessage);
    process.send?.({ type: REQUEST, id } satisfies MetricsRequest);
  });
}

/** In the primary: answers the HTTP processes that ask for the whole cluster's metrics. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isRequest(message)) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: REPLY, id: message.id, text } satisfies MetricsReply),
      (err: unknown) =>
        worker.send({ type: REPLY, id: message.id, error: String(err) } satisfies MetricsReply),
    );
  });
}
