/**
 * @module server/journal/journal
 * The request journal: every request with its response (headers and bodies, secrets redacted), in
 * a ring buffer bounded in entries and in bytes (served at GET /_admin/requests), and optionally
 * appended to a JSON-lines file that rotates by size. A body larger than `maxBodyBytes` is kept
 * as a truncation marker with its start, so 150 refused 4 MB POSTs no longer hold 600 MB.
 */
import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { parse as parseQuery } from 'node:querystring';
import type { RequestHandler, Response } from 'express';
import type { JournalEntry, RequestJournal } from '../quirks/types.js';
import { redact, REDACTED } from './redact.js';
import { RingBuffer } from './ring-buffer.js';
import { JOURNALED } from '../respond.js';

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

/**
 * What a request leaves behind while it is served: references to what the server already holds
 * (the parsed request body, the body it answered with, the request's header object) and a byte
 * estimate from lengths it already knows. Redaction and serialisation wait until someone reads
 * (GET /_admin/requests, the file writer): recording sits on every request's path, reading does not.
 * The bodies are never mutated once the response is sent (the store hands out frozen records).
 */
interface Recorded {
  seq: number;
  at: Date;
  method: string;
  /** originalUrl: routers mounted under a base path rewrite req.url while they run */
  url: string;
  status: number;
  durationMs: number;
  admin: boolean;
  quirk?: string;
  requestHeaders: Readonly<Record<string, unknown>>;
  /** headers set on the response, and those sendScim handed to writeHead (name, value, …) */
  responseHeaders?: Record<string, unknown>;
  responseHeaderList?: unknown;
  requestBody?: unknown;
  responseBody?: unknown;
  /** the estimated size of the entry as JSON, for the buffer's byte budget */
  bytes: number;
}

/**
 * A body kept as the JSON text that went over the wire (sendScim's, the body reader's): one flat
 * string is far cheaper for the garbage collector to hold than the object tree it came from.
 */
class JsonText {
  constructor(readonly text: string) {}
}

/** A body over maxBodyBytes, cut down when it is recorded (a huge body is never retained). */
class Truncated {
  constructor(readonly marker: TruncatedBody) {}
}

/** fields, quotes and punctuation of an entry around its variable parts */
const ENTRY_OVERHEAD_BYTES = 320;
/** headers set with setHeader (Allow, WWW-Authenticate, what res.json sets): a few, short */
const SET_HEADERS_BYTES = 256;

export function createRequestJournal(options: JournalOptions = {}): RequestJournal {
  const buffer = new RingBuffer<Recorded>(options.capacity ?? 1000);
  const clock = options.clock ?? (() => new Date());
  const maxBytes = options.maxBytes ?? DEFAULT_JOURNAL_MAX_BYTES;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_JOURNAL_MAX_BODY_BYTES;
  const file = options.file ? createJournalFile(options.file, options.maxFileBytes ?? DEFAULT_JOURNAL_MAX_FILE_BYTES, options.keep ?? DEFAULT_JOURNAL_KEEP) : undefined;
  let total = 0;
  let seq = 0;
  // The file gets its lines in batches, serialised after the responses have gone out.
  let pending: Recorded[] = [];
  let flushing: NodeJS.Immediate | undefined;
  const flush = (): void => {
    flushing = undefined;
    const batch = pending;
    pending = [];
    for (const recorded of batch) file!.write(JSON.stringify(materialise(recorded)));
  };

  const record = (recorded: Recorded): void => {
    const evicted = buffer.push(recorded);
    total += recorded.bytes - (evicted?.bytes ?? 0);
    while (total > maxBytes && buffer.size > 1) total -= buffer.shift()!.bytes;
    if (file) {
      pending.push(recorded);
      flushing ??= setImmediate(flush);
    }
  };

  /** the body as kept, and its size: a reference when small, a redacted truncation marker when large */
  const body = (value: unknown, text: unknown, knownBytes: number | undefined): [unknown, number] => {
    const bytes = knownBytes ?? (typeof text === 'string' ? text.length : (JSON.stringify(value)?.length ?? 0));
    if (bytes <= maxBodyBytes) return [typeof text === 'string' ? new JsonText(text) : value, bytes];
    // Sizes known from the wire (Content-Length, what sendScim sent) are exact; an estimate is checked.
    if (knownBytes === undefined) {
      const exact = Buffer.byteLength(JSON.stringify(redact(value)) ?? '');
      if (exact <= maxBodyBytes) return [typeof text === 'string' ? new JsonText(text) : value, exact];
    }
    const marker: TruncatedBody = { truncated: true, bytes, preview: previewOf(value) };
    return [new Truncated(marker), PREVIEW_CHARS + 64];
  };

  const middleware: RequestHandler = (req, res, next) => {
    // Reading the journal is not recorded: each read would otherwise nest every entry it returns.
    const url = req.originalUrl;
    if (url.startsWith(JOURNAL_ROUTE)) return next();
    const started = performance.now();
    const at = clock();
    res.locals[JOURNALED] = true;
    // 'close' comes once, after 'finish' or instead of it: on() spares once()'s wrapper per request
    res.on('close', () => {
      // 0: the connection closed before any answer (an injected reset or hang, or the client gave up).
      const status = res.writableFinished ? res.statusCode : 0;
      const locals = res.locals;
      const recorded: Recorded = {
        seq: ++seq,
        at,
        method: req.method,
        url,
        status,
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
        admin: url.startsWith('/_admin'),
        requestHeaders: req.headers,
        bytes: ENTRY_OVERHEAD_BYTES + 2 * url.length + headerBytes(req.rawHeaders),
      };
      if (status !== 0) {
        recorded.responseHeaders = res.getHeaders();
        recorded.responseHeaderList = locals.scimHeaders;
        recorded.bytes += SET_HEADERS_BYTES + headerBytes(locals.scimHeaders);
      }
      if (req.body !== undefined) {
        const length = Number(req.headers['content-length']);
        const [kept, bytes] = body(req.body, locals.requestText, Number.isFinite(length) ? length : undefined);
        recorded.requestBody = kept;
        recorded.bytes += bytes;
      }
      const sent = locals.scimBody ?? locals.journalBody;
      if (sent !== undefined && status !== 0) {
        const length = typeof locals.scimBytes === 'number' ? locals.scimBytes : Number(res.getHeader('content-length'));
        const [kept, bytes] = body(sent, locals.scimBody === undefined ? undefined : sentText(locals.scimChunks, length, maxBodyBytes), Number.isFinite(length) ? length : undefined);
        recorded.responseBody = kept;
        recorded.bytes += bytes;
      }
      if (typeof locals.quirk === 'string') recorded.quirk = locals.quirk;
      record(recorded);
    });
    next();
  };

  return {
    middleware,
    list({ limit, since, admin } = {}) {
      const max = limit === undefined ? DEFAULT_LIMIT : Math.max(0, Math.floor(limit));
      let all = buffer.toArray();
      if (admin !== undefined) all = all.filter((e) => e.admin === admin);
      // `since` is a cursor: the entries after it, oldest first; without it, the most recent ones.
      const chosen = since !== undefined ? all.filter((e) => e.seq > since).slice(0, max) : max === 0 ? [] : all.slice(-max);
      return chosen.map(materialise);
    },
    clear() {
      buffer.clear();
      total = 0;
    },
    close() {
      if (!file) return Promise.resolve();
      if (flushing) clearImmediate(flushing);
      flush();
      return file.close();
    },
  };
}

/** sendScim's text in one piece when the journal keeps it whole (a flat string is cheap to hold) */
function sentText(chunks: unknown, bytes: number, maxBodyBytes: number): string | undefined {
  if (!Array.isArray(chunks)) return undefined;
  if (chunks.length === 1) return chunks[0] as string;
  return Number.isFinite(bytes) && bytes <= maxBodyBytes ? chunks.join('') : undefined;
}

/**
 * The first PREVIEW_CHARS characters of a body's redacted JSON, without redacting or serialising
 * the whole of it: a 100-user list page (140 KB) or a 50,000-member group answered with the journal
 * on used to be deep-copied and stringified in full for every request, only to keep 1 KB of it.
 */
export function previewOf(value: unknown): string {
  return (JSON.stringify(redact(cutArrays(value, PREVIEW_CHARS))) ?? '').slice(0, PREVIEW_CHARS);
}

/**
 * A copy in which every array keeps only the items its JSON's first `chars` characters need (the
 * rest would be cut from the preview anyway). Objects keep every key and strings stay whole: the
 * redaction decides on keys and sibling values (a PATCH operation's `path` hides its `value`), and
 * dropping a whole trailing array item cannot change what it decides for the items before it.
 */
function cutArrays(value: unknown, chars: number, depth = 0, parentKey?: string): unknown {
  if (typeof value !== 'object' || value === null || depth > 32) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    let used = 1;
    for (const item of value) {
      if (used > chars) break;
      const cut = cutArrays(item, chars - used, depth + 1);
      out.push(cut);
      used += redactedLength(cut, parentKey) + 1;
    }
    return out;
  }
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) out[key] = cutArrays((value as Record<string, unknown>)[key], chars, depth + 1, key);
  return out;
}

/**
 * An array item's length as it will read, redacted in its place: a secret can be far shorter
 * once hidden, and an item of `Operations` is redacted by its own `path` (scim/redact).
 */
function redactedLength(item: unknown, parentKey: string | undefined): number {
  if (parentKey === undefined) return (JSON.stringify(redact([item]))?.length ?? 2) - 2;
  const wrapped = JSON.stringify(redact({ [parentKey]: [item] })) ?? '';
  return wrapped.length - (JSON.stringify(parentKey).length + 5);
}

/** The entry as a reader sees it: secrets redacted in the query, the headers and the bodies. */
function materialise(recorded: Recorded): JournalEntry {
  const question = recorded.url.indexOf('?');
  const entry: JournalEntry = {
    seq: recorded.seq,
    time: recorded.at.toISOString(),
    method: recorded.method,
    path: question < 0 ? recorded.url : recorded.url.slice(0, question),
    // express's default ("simple") query parser
    query: redact(question < 0 ? {} : { ...parseQuery(recorded.url.slice(question + 1)) }) as Record<string, unknown>,
    status: recorded.status,
    durationMs: recorded.durationMs,
    requestHeaders: redactHeaders(recorded.requestHeaders),
  };
  if (recorded.admin) entry.admin = true;
  if (recorded.responseHeaders) entry.responseHeaders = redactHeaders(sentHeaders(recorded.responseHeaders, recorded.responseHeaderList));
  if (recorded.requestBody !== undefined) entry.requestBody = readable(recorded.requestBody);
  if (recorded.responseBody !== undefined) entry.responseBody = readable(recorded.responseBody);
  if (recorded.quirk !== undefined) entry.quirk = recorded.quirk;
  return entry;
}

function readable(body: unknown): unknown {
  if (body instanceof Truncated) return body.marker;
  return redact(body instanceof JsonText ? JSON.parse(body.text) : body);
}

/** the length of a flat list of header names and values (rawHeaders, sendScim's writeHead list) */
function headerBytes(list: unknown): number {
  if (!Array.isArray(list)) return 0;
  let n = 0;
  for (const item of list) n += typeof item === 'string' ? item.length + 4 : 8;
  return n;
}

// Request and response headers that carry credentials, whatever the secret-key rule says.
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);

function redactHeaders(headers: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out = redact({ ...headers }) as Record<string, unknown>;
  for (const name of Object.keys(out)) if (SECRET_HEADERS.has(name.toLowerCase())) out[name] = REDACTED;
  return out;
}

/** what the response sent: headers set on it, and those sendScim handed to writeHead (name, value, …) */
function sentHeaders(set: Readonly<Record<string, unknown>>, pairs: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ...set };
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

/**
 * Makes an app's res.json leave what it sends for the journal (bodies not sent through sendScim).
 * Installed once on the app's response prototype: assigning it on every response gave each one
 * an own property, and V8 then handled every response as a one-off (server CPU per filter request
 * 186 → 126 µs with the journal on, 2-core VM).
 */
export function captureJson(response: Response): void {
  const json = response.json;
  response.json = function journaledJson(this: Response, body?: unknown): Response {
    if (this.locals?.[JOURNALED] === true) this.locals.journalBody = body;
    return json.call(this, body);
  };
}
