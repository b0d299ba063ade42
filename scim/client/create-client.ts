/**
 * @module scim/client/create-client
 * A SCIM 2.0 HTTP client on undici (keep-alive pool, connect/headers/body timeouts). Responses are
 * returned, never thrown, whatever their status; only a missing response throws ScimClientError.
 * RFC 7644 §3 https://datatracker.ietf.org/doc/html/rfc7644#section-3
 */
import { Agent, request as undiciRequest } from 'undici';
import { parseScimErrorBody } from '../errors.js';
import { SCIM_CONTENT_TYPE, URN } from '../types.js';
import type { BulkRequest, PatchOperation, PatchRequest, ScimResource, SearchRequest } from '../types.js';
import { createAuthProvider } from './auth.js';
import { ScimClientError, classifyNetworkError } from './client-error.js';
import { joinList, joinUrl, listQuery, resourcePath } from './query.js';
import { redactBody, redactHeaders } from './redact.js';
import { parseRetryAfter } from './retry-after.js';
import type { ClientOptions, Exchange, GetOptions, HttpMethod, ListOptions, RequestOptions, ScimResponse, WriteOptions } from './types.js';
import type { ScimClient } from './scim-client.js';

const DEFAULT_TIMEOUT_MS = 10_000;
const systemNow = (): Date => new Date();

export function createScimClient(options: ClientOptions): ScimClient {
  if (!/^https?:\/\//i.test(options.baseUrl)) throw new TypeError(`baseUrl must be an http(s) URL: ${options.baseUrl}`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const dispatcher = new Agent({
    connections: options.connections ?? 8,
    keepAliveTimeout: 10_000,
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const auth = createAuthProvider(options.auth, { dispatcher, timeoutMs, ...(options.clock ? { clock: options.clock } : {}) });

  async function send(method: HttpMethod, path: string, req: RequestOptions = {}, retried = false): Promise<ScimResponse> {
    const url = joinUrl(options.baseUrl, path, req.query);
    const headers: Record<string, string> = { accept: `${SCIM_CONTENT_TYPE}, application/json`, ...lower(options.headers), ...lower(req.headers) };
    const authHeader = req.auth === false ? undefined : await auth.header();
    if (authHeader && headers.authorization === undefined) headers.authorization = authHeader;
    let payload: string | undefined;
    if (req.body !== undefined) {
      payload = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
      headers['content-type'] ??= SCIM_CONTENT_TYPE;
    }
    // the redacted record of the request: built when somebody looks (a listener, a report, an error),
    // not for every request of an engine cycle (two deep copies of the bodies each time)
    const requestBody = req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : payload!;
    const record = (answer: { status: number; headers: Record<string, string>; text: string } | undefined, durationMs: number, error?: string): Exchange => ({
      method, url, requestHeaders: redactHeaders(headers),
      ...(requestBody !== undefined ? { requestBody: redactBody(typeof req.body === 'string' ? req.body : parseBody(requestBody)) } : {}),
      ...(answer ? { status: answer.status, responseHeaders: redactHeaders(answer.headers), responseBody: redactBody(parseBody(answer.text)) } : {}),
      durationMs,
      ...(error !== undefined ? { error } : {}),
    });
    const started = performance.now();
    let status: number;
    let responseHeaders: Record<string, string>;
    let text: string;
    // undici's own timers tick once a second, so a sub-second --timeout needs a deadline of its own
    // (cleared on the answer); from a second up undici's connect/headers/body timeouts hold it
    const deadline = timeoutMs < 1000 ? new AbortController() : undefined;
    const timer = deadline ? setTimeout(() => deadline.abort(new DOMException(`no response within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs) : undefined;
    try {
      const res = await undiciRequest(url, { method, headers, body: payload, dispatcher, ...(deadline ? { signal: deadline.signal } : {}) });
      status = res.statusCode;
      responseHeaders = flattenHeaders(res.headers);
      text = await res.body.text();
    } catch (error) {
      const exchange = record(undefined, Math.round(performance.now() - started), (error as Error).message);
      options.onExchange?.(exchange);
      const kind = classifyNetworkError(error);
      throw new ScimClientError(kind, `${method} ${url}: ${kind === 'timeout' ? `no response within ${timeoutMs} ms` : (error as Error).message}`, exchange, { cause: error });
    } finally {
      if (timer) clearTimeout(timer);
    }
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    const body = parseBody(text);
    const answer = { status, headers: responseHeaders, text };
    let exchange: Exchange | undefined;
    const exchangeOf = () => (exchange ??= record(answer, durationMs));
    if (options.onExchange) options.onExchange(exchangeOf());
    if (status === 401 && !retried && authHeader && req.headers?.authorization === undefined && auth.invalidate()) {
      return send(method, path, req, true);
    }
    const retryAfterMs = parseRetryAfter(responseHeaders['retry-after'], (options.clock ?? systemNow)());
    const response = {
      status, headers: responseHeaders, body, scimError: parseScimErrorBody(body), ok: status >= 200 && status < 300,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), durationMs,
    } as ScimResponse;
    Object.defineProperty(response, 'exchange', { get: exchangeOf, enumerable: true });
    return response;
  }

  const projection = (o: GetOptions | WriteOptions = {}) => ({
    attributes: joinList(o.attributes), excludedAttributes: joinList(o.excludedAttributes),
  });
  const ifMatch = (o: WriteOptions) => ({ ...o.headers, ...(o.ifMatch ? { 'if-match': o.ifMatch } : {}) });

  return {
    baseUrl: options.baseUrl,
    request: (method, path, req) => send(method, path, req),
    get: (endpoint, id, o = {}) => send('GET', resourcePath(endpoint, id), { query: projection(o), headers: o.headers }) as Promise<ScimResponse<ScimResource>>,
    list: (endpoint, o?: ListOptions) => send('GET', resourcePath(endpoint), { query: listQuery(o) }) as never,
    search: (endpoint, searchRequest) => send('POST', `${endpoint === '' || endpoint === '/' ? '' : resourcePath(endpoint)}/.search`, {
      body: { schemas: [URN.SearchRequest], ...searchRequest } satisfies SearchRequest,
    }) as never,
    create: (endpoint, resource, o = {}) => send('POST', resourcePath(endpoint), { body: resource, query: projection(o), headers: o.headers }) as never,
    replace: (endpoint, id, resource, o = {}) => send('PUT', resourcePath(endpoint, id), { body: resource, query: projection(o), headers: ifMatch(o) }) as never,
    patch: (endpoint, id, operations, o = {}) => {
      const body: PatchRequest = Array.isArray(operations)
        ? { schemas: [URN.PatchOp], Operations: operations as PatchOperation[] }
        : (operations as PatchRequest);
      return send('PATCH', resourcePath(endpoint, id), { body, query: projection(o), headers: ifMatch(o) }) as never;
    },
    delete: (endpoint, id, o = {}) => send('DELETE', resourcePath(endpoint, id), { headers: ifMatch(o) }) as never,
    bulk: (bulkRequest) => send('POST', '/Bulk', { body: { ...bulkRequest, schemas: bulkRequest.schemas ?? [URN.BulkRequest] } satisfies BulkRequest }) as never,
    serviceProviderConfig: () => send('GET', '/ServiceProviderConfig') as never,
    schemas: () => send('GET', '/Schemas') as never,
    resourceTypes: () => send('GET', '/ResourceTypes') as never,
    close: () => dispatcher.close(),
  };
}

function lower(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = v;
  return out;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
