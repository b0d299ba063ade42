/**
 * @module conformance/context
 * The per-run services a check uses: clients, discovery, unique names and resource builders,
 * and the bookkeeping that deletes every resource the run created (and only those).
 */
import { randomBytes } from 'node:crypto';
import type { ScimClient } from '../scim/client/index.js';
import { URN } from '../scim/types.js';
import type { ScimResource } from '../scim/types.js';
import { describeResponse } from './assert.js';
import { CheckFailure, CheckSkip } from './check-failure.js';
import type { CheckContext, Discovery } from './types.js';

export interface Tracked { endpoint: '/Users' | '/Groups'; id: string }

export interface RunContext extends CheckContext {
  /** resources created by the current check, emptied by takeTracked() */
  takeTracked(): Tracked[];
  /** resources created for shared fixtures */
  takeShared(): Tracked[];
}

export function newPrefix(): string {
  return `scimu${randomBytes(4).toString('hex')}`;
}

export function createRunContext(options: {
  client: ScimClient; anonymous: ScimClient; discovery: Discovery; prefix: string; timeoutMs: number; authenticated: boolean;
}): RunContext {
  const { client, prefix } = options;
  let counter = 0;
  let tracked: Tracked[] = [];
  let sharedTracked: Tracked[] = [];
  let inShared = 0;
  const sharedValues = new Map<string, Promise<unknown>>();

  const track = (endpoint: Tracked['endpoint'], id: string): void => {
    (inShared > 0 ? sharedTracked : tracked).push({ endpoint, id });
  };
  const uniqueName = (label: string): string => `${prefix}-${label}-${++counter}`;

  const userBody = (overrides: Record<string, unknown> = {}): ScimResource => {
    const name = uniqueName('user');
    return {
      schemas: [URN.User],
      userName: `${name}@example.com`,
      externalId: `ext-${name}`,
      name: { givenName: 'Conformance', familyName: name, formatted: `Conformance ${name}` },
      displayName: `Conformance ${name}`,
      emails: [{ value: `${name}@example.com`, type: 'work', primary: true }],
      active: true,
      ...overrides,
    };
  };
  const groupBody = (overrides: Record<string, unknown> = {}): ScimResource => {
    const name = uniqueName('group');
    return { schemas: [URN.Group], displayName: name, externalId: `ext-${name}`, ...overrides };
  };

  async function create(endpoint: Tracked['endpoint'], body: ScimResource, what: string): Promise<ScimResource & { id: string }> {
    const res = await client.create(endpoint, body);
    const created = res.body as ScimResource | undefined;
    if (res.status !== 201 || !created || typeof created !== 'object' || typeof created.id !== 'string' || created.id === '') {
      throw new CheckFailure(`could not create the ${what} this check needs`, '201 with an id', describeResponse(res), res.exchange);
    }
    track(endpoint, created.id);
    return created as ScimResource & { id: string };
  }

  return {
    client,
    anonymous: options.anonymous,
    discovery: options.discovery,
    prefix,
    timeoutMs: options.timeoutMs,
    authenticated: options.authenticated,
    uniqueName,
    userBody,
    groupBody,
    createUser: (overrides) => create('/Users', userBody(overrides), 'user'),
    createGroup: (overrides) => create('/Groups', groupBody(overrides), 'group'),
    track,
    async post(endpoint, body, via = client) {
      const res = await via.create(endpoint, body as ScimResource);
      const id = (res.body as { id?: unknown } | undefined)?.id;
      if (res.status === 201 && typeof id === 'string' && id !== '') track(endpoint, id);
      return res;
    },
    async shared<T>(key: string, build: () => Promise<T>): Promise<T> {
      let value = sharedValues.get(key) as Promise<T> | undefined;
      if (!value) {
        inShared++;
        value = build().finally(() => { inShared--; });
        sharedValues.set(key, value);
        // A failed fixture fails every check that needs it, each with the same reason.
      }
      return value;
    },
    skip(reason: string): never {
      throw new CheckSkip(reason);
    },
    takeTracked() {
      const out = tracked;
      tracked = [];
      return out;
    },
    takeShared() {
      const out = sharedTracked;
      sharedTracked = [];
      return out;
    },
  };
}
