/**
 * @module bench/scenarios
 * The measured requests. Values rotate (userNames, ids) so that caches and indexes see the spread
 * of a provisioning cycle rather than one hot key.
 */
import type { Request } from 'autocannon';

export interface Scenario {
  readonly name: string;
  /** which child serves it */
  readonly target: Target;
  readonly requests: Request[];
  /** concurrent connections when not the run's `--connections` (the 10-connection rows) */
  readonly connections?: number;
  /**
   * the most requests of a run: its warm-up, a measured half, a paired round's run (bench/paired).
   * A scenario that creates resources would otherwise grow the 100k-user target by whatever the
   * machine manages (45-75k users in one run), and the bench's memory figures would describe a
   * bigger target than it claims.
   */
  readonly amount?: { readonly warmUp: number; readonly half: number; readonly paired: number };
}

/**
 * POSTs: at most 2 × (1,000 + 5,000) in the table and 9 rounds × (500 + 1,500) paired, about 30,000
 * users added to the durable target's 100,000
 */
export const POST_AMOUNT = { warmUp: 1_000, half: 5_000, paired: 1_500 } as const;

/**
 * bare: the reference route; memory, quirks (every quirk off), durable: targets with 100k users
 * and the request journal off (`--no-journal`); journal: the memory target as `serve` runs by
 * default, the in-memory request journal on.
 */
export type Target = 'bare' | 'memory' | 'quirks' | 'durable' | 'journal';

/** the connection count of the low-concurrency rows (a sequential client such as Entra's is nearer 1) */
export const LOW_CONNECTIONS = 10;

export interface Sample {
  readonly ids: readonly string[];
  readonly userNames: readonly string[];
}

const SCIM_JSON = 'application/scim+json';

function rotating<T>(values: readonly T[]): () => T {
  let i = 0;
  return () => values[i++ % values.length]!;
}

export function scenarios(sample: Sample, token: string): Scenario[] {
  const auth = { authorization: `Bearer ${token}` };
  // one rotation per row: the same seed gives every memory target the same userNames (ids differ)
  const byUserName = (target: Target, name: string, connections?: number): Scenario => {
    const next = rotating(sample.userNames);
    return {
      name,
      target,
      ...(connections === undefined ? {} : { connections }),
      requests: [{
        method: 'GET',
        headers: auth,
        setupRequest: (r) => ({ ...r, path: `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${next()}"`)}` }),
      }],
    };
  };
  const nextId = rotating(sample.ids);
  const nextPatchId = rotating(sample.ids);
  let created = 0;
  let patched = 0;
  return [
    { name: 'bare express route', target: 'bare', requests: [{ method: 'GET', path: '/bare' }] },
    { name: `bare express route (${LOW_CONNECTIONS} connections)`, target: 'bare', connections: LOW_CONNECTIONS, requests: [{ method: 'GET', path: '/bare' }] },
    byUserName('memory', 'filter userName eq (indexed)'),
    byUserName('memory', `filter userName eq (indexed, ${LOW_CONNECTIONS} connections)`, LOW_CONNECTIONS),
    byUserName('quirks', 'filter userName eq (quirks off)'),
    byUserName('journal', 'filter userName eq (journal on)'),
    {
      name: 'GET /Users/{id}',
      target: 'memory',
      requests: [{ method: 'GET', headers: auth, setupRequest: (r) => ({ ...r, path: `/scim/v2/Users/${nextId()}` }) }],
    },
    {
      name: 'POST /Users (durable)',
      target: 'durable',
      amount: POST_AMOUNT,
      requests: [{
        method: 'POST',
        path: '/scim/v2/Users',
        headers: { ...auth, 'content-type': SCIM_JSON },
        setupRequest: (r) => {
          const n = created++;
          return {
            ...r,
            body: JSON.stringify({
              schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
              userName: `bench.post.${process.pid}.${n}@example.com`,
              externalId: `bench-${n}`,
              active: true,
              name: { givenName: 'Bench', familyName: `User${n}` },
              emails: [{ type: 'work', primary: true, value: `bench.post.${n}@example.com` }],
            }),
          };
        },
      }],
    },
    {
      name: 'PATCH replace displayName',
      target: 'memory',
      requests: [{
        method: 'PATCH',
        headers: { ...auth, 'content-type': SCIM_JSON },
        setupRequest: (r) => ({
          ...r,
          path: `/scim/v2/Users/${nextPatchId()}`,
          body: JSON.stringify({
            schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
            Operations: [{ op: 'replace', path: 'displayName', value: `Patched ${patched++}` }],
          }),
        }),
      }],
    },
    {
      name: 'list startIndex=50000 count=100',
      target: 'memory',
      requests: [{ method: 'GET', headers: auth, path: '/scim/v2/Users?startIndex=50000&count=100' }],
    },
  ];
}
