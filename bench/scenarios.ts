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
}

/** bare: the reference route; memory, quirks (every quirk off), durable: targets with 100k users */
export type Target = 'bare' | 'memory' | 'quirks' | 'durable';

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
  const nextName = rotating(sample.userNames);
  // the same seed gives the quirk target the same userNames (its ids differ)
  const nextQuirkName = rotating(sample.userNames);
  const nextId = rotating(sample.ids);
  const nextPatchId = rotating(sample.ids);
  let created = 0;
  let patched = 0;
  return [
    { name: 'bare express route', target: 'bare', requests: [{ method: 'GET', path: '/bare' }] },
    {
      name: 'filter userName eq (indexed)',
      target: 'memory',
      requests: [{
        method: 'GET',
        headers: auth,
        setupRequest: (r) => ({ ...r, path: `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${nextName()}"`)}` }),
      }],
    },
    {
      name: 'filter userName eq (quirks off)',
      target: 'quirks',
      requests: [{
        method: 'GET',
        headers: auth,
        setupRequest: (r) => ({ ...r, path: `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${nextQuirkName()}"`)}` }),
      }],
    },
    {
      name: 'GET /Users/{id}',
      target: 'memory',
      requests: [{ method: 'GET', headers: auth, setupRequest: (r) => ({ ...r, path: `/scim/v2/Users/${nextId()}` }) }],
    },
    {
      name: 'POST /Users (durable)',
      target: 'durable',
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
