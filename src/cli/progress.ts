import { performance } from 'node:perf_hooks';

/**
 * A one-line progress bar on a terminal, redrawn in place and at most ten times a second; nothing at all
 * when the output is a file or a pipe (logs stay clean, the caller prints the result once).
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let drawn = 0;
  const width = 30;
  return {
    update(done: number, total: number) {
      if (!stream.isTTY) return;
      const now = performance.now();
      if (done < total && now - drawn < 100) return;
      drawn = now;
      const share = total === 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(share * width);
      const seconds = ((now - started) / 1000).toFixed(1);
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(share * 100)
          .toString()
          .padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${seconds} s`,
      );
    },
    finish() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
