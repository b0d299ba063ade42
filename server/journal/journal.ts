/**
 * @module server/journal/journal
 * The request journal: every request with its response (headers and bodies, secrets redacted), in
 * a ring buffer bounded in entries and in bytes (served at GET /_admin/requests), and optionally
 * appended to a JSON-lines file that rotates by size. A body larger than `maxBodyBytes` is kept
 * as a truncation marker with its start, so 150 refused 4 MB POSTs no longer hold 600 MB.
 */
import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import type { RequestHandler, Response } from 'express';
import type { JournalEntry, RequestJournal } from '../quirks/types.js';
import { redact, REDACTED } from './redact.js';
import { RingBuffer } from './ring-buffer.js';

export interface JournalOptions {
  /** how many entries the buffer keeps (default 1000) */
  capacity?: number;
  /** how many bytes (as JSON) the buffer keeps in all (default 32 MiB): the oldest entries go first */
  maxBytes?: number;
  /** the largest body kept per entry, in bytes of JSON (default 64 KiB); larger ones are truncated */
  maxBodyBytes?: number;
  /** a JSON-lines file every entry is appended to */
  file?: string;
  /** rotate the file past this size (default 64 MiB): FILE → FILE.1 → … → FILE.<keep> */
  maxFileBytes?: number;
  /** rotated files kept (default 3) */
  keep?: number;
  clock?: () => Date;
}

const DEFAULT_LIMIT = 100;
const JOURNAL_ROUTE = '/_admin/requests';
export const DEFAULT_JOURNAL_MAX_BYTES = 32 * 1024 * 1024;
export const DEFAULT_JOURNAL_MAX_BODY_BYTES = 64 * 1024;
export const DEFAULT_JOURNAL_MAX_FILE_BYTES = 64 * 1024 * 1024;
export const DEFAULT_JOURNAL_KEEP = 3;
const PREVIEW_CHARS = 1024;

/** A body too large to journal: what stands in its place. */
export interface TruncatedBody {
  truncated: true;
  /** size of the redacted body as JSON */
  bytes: number;
  /** its first characters */
  preview: string;
}

export function createRequestJournal(options: JournalOptions = {}): RequestJournal {
  const buffer = new RingBuffer<{ entry: JournalEntry; bytes: number }>(options.capacity ?? 1000);
  const clock = options.clock ?? (() => new Date());
  const maxBytes = options.maxBytes ?? DEFAULT_JOURNAL_MAX_BYTES;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_JOURNAL_MAX_BODY_BYTES;
  const file = options.file ? createJournalFile(options.file, options.maxFileBytes ?? DEFAULT_JOURNAL_MAX_FILE_BYTES, options.keep ?? DEFAULT_JOURNAL_KEEP) : undefined;
  let total = 0;
  let seq = 0;

  const record = (entry: JournalEntry): void => {
    const line = JSON.stringify(entry);
    const bytes = Buffer.byteLength(line);
    const evicted = buffer.push({ entry, bytes });
    total += bytes - (evicted?.bytes ?? 0);
    while (total > maxBytes && buffer.size > 1) total -= buffer.shift()!.bytes;
    file?.write(line);
  };

  const body = (value: unknown): unknown => {
    const redacted = redact(value);
    const json = JSON.stringify(redacted) ?? '';
    if (json.length <= maxBodyBytes && Buffer.byteLength(json) <= maxBodyBytes) return redacted;
    const marker: TruncatedBody = { truncated: true, bytes: Buffer.byteLength(json), preview: json.slice(0, PREVIEW_CHARS) };
    return marker;
  };

  const middleware: RequestHandler = (req, res, next) => {
    // Reading the journal is not recorded: each read would otherwise nest every entry it returns.
    if (req.originalUrl.startsWith(JOURNAL_ROUTE)) return next();
    const started = performance.now();
    const time = clock().toISOString();
    captureJson(res);
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      // originalUrl: routers mounted under a base path rewrite req.url while they run.
      const path = req.originalUrl.split('?', 1)[0]!;
      const entry: JournalEntry = {
        seq: ++seq,
        time,
        method: req.method,
        path,
        query: redact({ ...(req.query as Record<string, unknown>) }) as Record<string, unknown>,
        // 0: the connection closed before any answer (an injected reset or hang, or the client gave up).
        status: res.writableFinished ? res.statusCode : 0,
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
        requestHeaders: redactHeaders(req.headers),
      };
      if (path.startsWith('/_admin')) entry.admin = true;
      if (entry.status !== 0) entry.responseHeaders = redactHeaders(sentHeaders(res));
      if (req.body !== undefined) entry.requestBody = body(req.body);
      const sent = res.locals.scimBody ?? res.locals.journalBody;
      if (sent !== undefined && entry.status !== 0) entry.responseBody = body(sent);
      if (typeof res.locals.quirk === 'string') entry.quirk = res.locals.quirk;
      record(entry);
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };

  return {
    middleware,
    list({ limit, since, admin } = {}) {
      const max = limit === undefined ? DEFAULT_LIMIT : Math.max(0, Math.floor(limit));
      let all = buffer.toArray().map((item) => item.entry);
      if (admin !== undefined) all = all.filter((e) => (e.admin === true) === admin);
      // `since` is a cursor: the entries after it, oldest first; without it, the most recent ones.
      if (since !== undefined) return all.filter((e) => e.seq > since).slice(0, max);
      return max === 0 ? [] : all.slice(-max);
    },
    clear() {
      buffer.clear();
      total = 0;
    },
    close() {
      return file ? file.close() : Promise.resolve();
    },
  };
}

// Request and response headers that carry credentials, whatever the secret-key rule says.
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);

function redactHeaders(headers: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out = redact({ ...headers }) as Record<string, unknown>;
  for (const name of Object.keys(out)) if (SECRET_HEADERS.has(name.toLowerCase())) out[name] = REDACTED;
  return out;
}

/** what the response sent: headers set on it, and those sendScim handed to writeHead (name, value, …) */
function sentHeaders(res: Response): Record<string, unknown> {
  const out: Record<string, unknown> = { ...res.getHeaders() };
  const pairs = res.locals.scimHeaders as unknown;
  if (Array.isArray(pairs)) for (let i = 0; i + 1 < pairs.length; i += 2) out[String(pairs[i]).toLowerCase()] = pairs[i + 1];
  return out;
}

/** The journal file: appended line by line, rotated past `maxFileBytes`, `keep` old files kept. */
function createJournalFile(path: string, maxFileBytes: number, keep: number) {
  let size = existsSync(path) ? statSync(path).size : 0;
  let error: Error | undefined;
  let stream: WriteStream | undefined;
  const open = (): void => {
    const s = createWriteStream(path, { flags: 'a' });
    // A broken journal file must not take the target down; the error surfaces on close().
    s.on('error', (e) => {
      error ??= e;
      if (stream === s) stream = undefined;
    });
    stream = s;
  };
  open();
  const rotate = (): void => {
    const old = stream;
    old?.end();
    // FILE.<keep> is dropped, FILE.<n> → FILE.<n+1>, FILE → FILE.1; the stream already open on
    // the renamed file finishes writing into it.
    rmSync(`${path}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(`${path}.${n}`)) renameSync(`${path}.${n}`, `${path}.${n + 1}`);
    if (keep >= 1 && existsSync(path)) renameSync(path, `${path}.1`);
    else rmSync(path, { force: true });
    size = 0;
    open();
  };
  return {
    write(line: string): void {
      if (!stream) return;
      const bytes = Buffer.byteLength(line) + 1;
      if (size > 0 && size + bytes > maxFileBytes) {
        try {
          rotate();
        } catch (e) {
          error ??= e as Error;
          stream = undefined;
          return;
        }
      }
      size += bytes;
      stream?.write(`${line}\n`);
    },
    close(): Promise<void> {
      const s = stream;
      stream = undefined;
      return new Promise<void>((resolve, reject) => {
        if (!s) return error ? reject(error) : resolve();
        // A file that fails to open errors instead of finishing: settle on whichever comes first.
        s.once('error', reject);
        s.end((e?: Error | null) => (e ?? error ? reject(e ?? error) : resolve()));
      });
    },
  };
}

/** Routes that answer with res.json (not sendScim) still leave their body for the journal. */
function captureJson(res: Response): void {
  const json = res.json.bind(res);
  res.json = (body?: unknown) => {
    res.locals.journalBody = body;
    return json(body);
  };
}
