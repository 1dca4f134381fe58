import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** A decoded MIME part: its headers (lower-case names, unfolded) and its decoded body or sub-parts. */
export interface MimePart {
  headers: Record<string, string>;
  contentType: string;
  body: string;
  parts: MimePart[];
  filename?: string;
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  root: MimePart;
  messageId: string;
  subject: string;
  text: string;
  html: string;
  attachments: MimePart[];
}

/** What the server does with the next message: accept it, fail it (451 after DATA), or refuse the connection. */
export type SmtpMode = 'accept' | 'error' | 'refuse';

export interface TestSmtpServer {
  url: string;
  port: number;
  received: ReceivedMail[];
  mode: SmtpMode;
  /** Count of DATA commands the server turned down. */
  rejected: number;
  /** Connections the client dropped mid-conversation (a worker killed with SIGKILL resets its socket). */
  droppedConnections: number;
  /** Resolves once `n` messages were accepted. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  /**
   * From now on, holds the answer to every message's DATA: each is complete on the wire but not yet
   * accepted, until `release` accepts or turns them all down (and stops holding).
   */
  holdAll(): {
    held: ReceivedMail[];
    waitForHeld(n: number, timeoutMs?: number): Promise<void>;
    release(accept: boolean): void;
  };
  close(): Promise<void>;
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_whole, _charset: string, enc: string, text: string) => {
      if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
      const bytes = text
        .replace(/_/g, ' ')
        .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    });
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function param(header: string, name: string): string | undefined {
  const match = new RegExp(`${name}\\*?="?([^";]+)"?`, 'i').exec(header);
  return match?.[1] ? decodeWords(match[1]) : undefined;
}

export function parseMime(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split === -1 ? raw : raw.slice(0, split);
  const rest = split === -1 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const contentType = headers['content-type'] ?? 'text/plain';
  const boundary = param(contentType, 'boundary');
  if (contentType.toLowerCase().startsWith('multipart/') && boundary) {
    const pieces = rest.split(`--${boundary}`).slice(1);
    const parts = pieces.filter((p) => !p.startsWith('--')).map((p) => parseMime(p.replace(/^\r?\n/, '')));
    return { headers, contentType, body: '', parts };
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const body =
    encoding === 'base64'
      ? Buffer.from(rest.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(rest)
        : rest;
  const disposition = headers['content-disposition'] ?? '';
  const filename = param(disposition, 'filename') ?? param(contentType, 'name');
  return {
    headers,
    contentType,
    body: body.replace(/\r\n/g, '\n').replace(/\n$/, ''),
    parts: [],
    ...(filename ? { filename } : {}),
  };
}

function leaves(part: MimePart): MimePart[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(leaves);
}

export function toReceived(raw: string, session?: SMTPServerSession): ReceivedMail {
  const root = parseMime(raw);
  const all = leaves(root);
  const attachments = all.filter((p) => p.filename !== undefined);
  const inline = all.filter((p) => p.filename === undefined);
  return {
    from: session?.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    to: session ? session.envelope.rcptTo.map((r) => r.address) : [],
    raw,
    root,
    messageId: root.headers['message-id'] ?? '',
    subject: decodeWords(root.headers.subject ?? ''),
    text: inline.find((p) => p.contentType.startsWith('text/plain'))?.body ?? '',
    html: inline.find((p) => p.contentType.startsWith('text/html'))?.body ?? '',
    attachments,
  };
}

/** A real SMTP server on a random loopback port that keeps what it accepts, and can be told to fail. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let holding: { mail: ReceivedMail; callback: (err?: Error | null) => void }[] | undefined;
  const state: TestSmtpServer = {
    url: '',
    port: 0,
    received,
    mode: 'accept',
    rejected: 0,
    droppedConnections: 0,
    waitFor(n, timeoutMs = 30_000) {
      if (received.length >= n) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${received.length} of ${n} messages arrived`)),
          timeoutMs,
        );
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    holdAll() {
      const queue: { mail: ReceivedMail; callback: (err?: Error | null) => void }[] = [];
      holding = queue;
      return {
        get held() {
          return queue.map((h) => h.mail);
        },
        async waitForHeld(n, timeoutMs = 30_000) {
          const until = Date.now() + timeoutMs;
          while (queue.length < n) {
            if (Date.now() > until) throw new Error(`only ${queue.length} of ${n} messages held`);
            await new Promise((r) => setTimeout(r, 20));
          }
        },
        release(ok) {
          holding = undefined;
          for (const h of queue.splice(0)) {
            if (ok) {
              accept(h.mail);
              h.callback();
            } else {
              state.rejected += 1;
              h.callback(Object.assign(new Error('Aborted'), { responseCode: 451 }));
            }
          }
        },
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const accept = (mail: ReceivedMail) => {
    received.push(mail);
    for (const w of waiters.filter((w) => received.length >= w.n)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    banner: 'test',
    onConnect(_session, callback) {
      if (state.mode === 'refuse') {
        state.rejected += 1;
        return callback(Object.assign(new Error('Service not available, try later'), { responseCode: 421 }));
      }
      callback();
    },
    // a connection opened before the server started refusing is turned away at the next message too
    onMailFrom(_address, _session, callback) {
      if (state.mode === 'refuse') {
        state.rejected += 1;
        return callback(Object.assign(new Error('Service not available, try later'), { responseCode: 421 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mail = toReceived(Buffer.concat(chunks).toString('utf8'), session);
        if (state.mode === 'error') {
          state.rejected += 1;
          return callback(
            Object.assign(new Error('Local error in processing, try later'), { responseCode: 451 }),
          );
        }
        if (holding) {
          holding.push({ mail, callback });
          return;
        }
        accept(mail);
        callback();
      });
    },
  });
  // smtp-server reports a client's socket errors on the server; without a listener a reset from a
  // killed client would be an uncaught exception in the test process.
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'ECONNRESET' || err.code === 'EPIPE') state.droppedConnections += 1;
    else throw err;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  state.port = port;
  state.url = `smtp://127.0.0.1:${port}`;
  return state;
}
