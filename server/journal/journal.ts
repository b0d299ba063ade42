/**
 * @module server/journal/journal
 * The request journal: every request with its response, secrets redacted, in a bounded ring
 * buffer (served at GET /_admin/requests) and optionally appended to a JSON-lines file for replay.
 */
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import type { RequestHandler, Response } from 'express';
import type { JournalEntry, RequestJournal } from '../quirks/types.js';
import { redact } from './redact.js';
import { RingBuffer } from './ring-buffer.js';

export interface JournalOptions {
  /** how many entries the buffer keeps (default 1000) */
  capacity?: number;
  /** a JSON-lines file every entry is appended to */
  file?: string;
  clock?: () => Date;
}

const DEFAULT_LIMIT = 100;
const JOURNAL_ROUTE = '/_admin/requests';

export function createRequestJournal(options: JournalOptions = {}): RequestJournal {
  const buffer = new RingBuffer<JournalEntry>(options.capacity ?? 1000);
  const clock = options.clock ?? (() => new Date());
  let stream: WriteStream | undefined = options.file ? createWriteStream(options.file, { flags: 'a' }) : undefined;
  let streamError: Error | undefined;
  stream?.on('error', (error) => {
    // A broken journal file must not take the target down; the error surfaces on close().
    streamError = error;
    stream = undefined;
  });
  let seq = 0;

  const record = (entry: JournalEntry): void => {
    buffer.push(entry);
    stream?.write(`${JSON.stringify(entry)}\n`);
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
      const entry: JournalEntry = {
        seq: ++seq,
        time,
        method: req.method,
        // originalUrl: routers mounted under a base path rewrite req.url while they run.
        path: req.originalUrl.split('?', 1)[0]!,
        query: redact({ ...(req.query as Record<string, unknown>) }) as Record<string, unknown>,
        // 0: the connection closed before any answer (an injected reset or hang, or the client gave up).
        status: res.writableFinished ? res.statusCode : 0,
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      };
      if (req.body !== undefined) entry.requestBody = redact(req.body);
      const body = res.locals.scimBody ?? res.locals.journalBody;
      if (body !== undefined && entry.status !== 0) entry.responseBody = redact(body);
      if (typeof res.locals.quirk === 'string') entry.quirk = res.locals.quirk;
      record(entry);
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };

  return {
    middleware,
    list({ limit, since } = {}) {
      const max = limit === undefined ? DEFAULT_LIMIT : Math.max(0, Math.floor(limit));
      const all = buffer.toArray();
      // `since` is a cursor: the entries after it, oldest first; without it, the most recent ones.
      if (since !== undefined) return all.filter((e) => e.seq > since).slice(0, max);
      return max === 0 ? [] : all.slice(-max);
    },
    clear() {
      buffer.clear();
    },
    close() {
      const open = stream;
      stream = undefined;
      return new Promise<void>((resolve, reject) => {
        if (!open) return streamError ? reject(streamError) : resolve();
        // A file that fails to open errors instead of finishing: settle on whichever comes first.
        open.once('error', reject);
        open.end((error?: Error | null) => (error ?? streamError ? reject(error ?? streamError) : resolve()));
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
