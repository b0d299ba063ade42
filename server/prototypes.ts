/**
 * @module server/prototypes
 * Requests and responses created on the express app's own prototypes, for node's HTTP server.
 *
 * Why: express's app.handle moves every request and response onto the app's prototypes with
 * Object.setPrototypeOf, and V8 pays for a prototype change on every object it is done to. Measured
 * on the 2-core VM of issue 11 (autocannon, 50 connections): a bare node handler answered ~46,000
 * req/s, the same handler behind an express app with one middleware ~6,900, and that app with its
 * objects born on its prototypes ~27,000 — express's setPrototypeOf then finds nothing to change.
 *
 * The constructors call node's own (function constructors in node 20, 22, 24 and 26: CI runs the
 * tests under 24 and 26 too) on an object whose prototype the app decides; should they become ES
 * classes, which cannot be called so, node's plain classes are used and express changes the
 * prototypes itself, as it always has.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface Messages {
  /** for node's createServer: the classes it instantiates per request */
  readonly options: { IncomingMessage?: typeof IncomingMessage; ServerResponse?: typeof ServerResponse };
  /** from now on, requests and responses are born on these prototypes (express's app.request, app.response) */
  adopt(prototypes: { request: object; response: object }): void;
}

const callable = (constructor: unknown) => typeof constructor === 'function' && !Function.prototype.toString.call(constructor).startsWith('class');

export function appMessages(): Messages {
  if (!callable(IncomingMessage) || !callable(ServerResponse)) return { options: {}, adopt: () => undefined };
  const construct = (constructor: unknown, self: object, args: unknown[]) => (constructor as (...a: unknown[]) => void).apply(self, args);
  function Request(this: IncomingMessage, socket: Socket) {
    construct(IncomingMessage, this, [socket]);
  }
  function Response(this: ServerResponse, req: IncomingMessage, options?: unknown) {
    construct(ServerResponse, this, [req, options]);
  }
  // until the app exists (requests held while the store loads), node's own prototypes
  Request.prototype = IncomingMessage.prototype;
  Response.prototype = ServerResponse.prototype;
  return {
    options: { IncomingMessage: Request as unknown as typeof IncomingMessage, ServerResponse: Response as unknown as typeof ServerResponse },
    adopt({ request, response }) {
      Request.prototype = request as IncomingMessage;
      Response.prototype = response as ServerResponse;
    },
  };
}
