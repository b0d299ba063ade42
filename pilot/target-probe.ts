/**
 * @module pilot/target-probe
 * How the pilot looks at the application side, over the same HTTP any client uses (so the checks
 * work against the embedded target and against a URL): find the target object of a source user or
 * group, read it, ask the admin API whether a user can sign in, create a user by hand, and delete
 * what a run created.
 */
import { createScimClient } from '../scim/client/index.js';
import type { ScimClient } from '../scim/client/index.js';
import { eqFilter } from '../scim/filter/build.js';
import type { ScimResource } from '../scim/types.js';

export interface TargetProbe {
  readonly client: ScimClient;
  /** the object by target id, undefined when the target answers 404 */
  get(type: 'User' | 'Group', id: string): Promise<ScimResource | undefined>;
  /** objects whose attribute equals the value (a SCIM filter `attr eq "value"`) */
  findBy(type: 'User' | 'Group', attribute: string, value: string): Promise<ScimResource[]>;
  findByFilter(type: 'User' | 'Group', filter: string): Promise<ScimResource[]>;
  create(type: 'User' | 'Group', resource: ScimResource): Promise<ScimResource>;
  delete(type: 'User' | 'Group', id: string): Promise<void>;
  /** POST /_admin/signin: allowed, or the refusal's reason */
  signin(userName: string): Promise<{ allowed: boolean; reason?: string; status: number }>;
  close(): Promise<void>;
}

const ENDPOINT = { User: '/Users', Group: '/Groups' } as const;
const PROBE_TIMEOUT_MS = 2_000;
const READ_ATTEMPTS = 5;

async function reading<T extends { status: number }>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const res = await read();
      if ((res.status < 500 && res.status !== 0) || attempt === READ_ATTEMPTS) return res;
    } catch (error) {
      if (attempt === READ_ATTEMPTS) throw error;
    }
  }
}

export function createTargetProbe(target: { url: string; token: string; adminUrl?: string }): TargetProbe {
  const raw = createScimClient({ baseUrl: target.url, auth: { type: 'bearer', token: target.token }, timeoutMs: PROBE_TIMEOUT_MS });
  // The pilot observes the application's state: a fault the target injects into a read (flaky
  // profiles) is not the state, so reads are repeated a few times; writes never are.
  const client: ScimClient = {
    ...raw,
    get: (endpoint, id, options) => reading(() => raw.get(endpoint, id, options)),
    list: (endpoint, options) => reading(() => raw.list(endpoint, options)),
  };
  const list = async (type: 'User' | 'Group', filter: string): Promise<ScimResource[]> => {
    const res = await client.list(ENDPOINT[type], { filter, count: 100 });
    if (!res.ok) throw new Error(`GET ${ENDPOINT[type]}?filter=${filter} answered ${res.status}${res.scimError?.detail ? `: ${res.scimError.detail}` : ''}`);
    return (res.body.Resources ?? []) as ScimResource[];
  };
  return {
    client,
    async get(type, id) {
      const res = await client.get(ENDPOINT[type], id);
      if (res.status === 404) return undefined;
      if (!res.ok) throw new Error(`GET ${ENDPOINT[type]}/${id} answered ${res.status}`);
      return res.body;
    },
    findBy: (type, attribute, value) => list(type, eqFilter(attribute, value)),
    findByFilter: list,
    async create(type, resource) {
      const res = await client.create(ENDPOINT[type], resource);
      if (!res.ok) throw new Error(`POST ${ENDPOINT[type]} answered ${res.status}${res.scimError?.detail ? `: ${res.scimError.detail}` : ''}`);
      return res.body;
    },
    async delete(type, id) {
      const res = await client.delete(ENDPOINT[type], id);
      if (!res.ok && res.status !== 404) throw new Error(`DELETE ${ENDPOINT[type]}/${id} answered ${res.status}`);
    },
    async signin(userName) {
      if (!target.adminUrl) throw new Error('this target has no admin API (sign-in checks need the embedded target)');
      const res = await client.request('POST', `${target.adminUrl}/signin`, { body: { userName } });
      if (res.status === 200) return { allowed: true, status: 200 };
      return { allowed: false, status: res.status, reason: res.scimError?.detail ?? `HTTP ${res.status}` };
    },
    close: () => client.close(),
  };
}
