/**
 * @module server/store/derived
 * Attributes the store derives whenever a resource is returned instead of storing them per record:
 * `meta.location` (RFC 7643 §3.1), member `$ref` (§4.2) and a user's `groups` (§4.1.2, see
 * ./members.ts). They follow the server's current base URL, so a durable store reopened behind
 * another address serves the new URLs, and 100k records do not each carry full URL strings.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-3.1
 */
import type { ResourceTypeName, StoredResource } from './types.js';

/** A group member as stored: `$ref` is derived from `type` and `value`. */
export interface StoredMember {
  value: string;
  display?: string;
  type: ResourceTypeName;
}

/** RFC 7643 §3.1: the URI of the resource, `location` of its meta. */
export function locationOf(baseUrl: string, type: ResourceTypeName, id: string): string {
  return `${baseUrl}/${type}s/${id}`;
}

/** members as returned: `{ value, $ref, display, type }`, in stored order */
export function membersWithRefs(baseUrl: string, members: readonly StoredMember[]): readonly Readonly<Record<string, string>>[] {
  return Object.freeze(members.map((m) => {
    const $ref = locationOf(baseUrl, m.type, m.value);
    const out: Record<string, string> = m.display === undefined ? { value: m.value, $ref, type: m.type } : { value: m.value, $ref, display: m.display, type: m.type };
    return Object.freeze(out);
  }));
}

/**
 * A record as read from a file written before locations and `$ref`s were derived: the stored URLs
 * are dropped (the derived ones win). Runs on parsed, not yet frozen records.
 */
export function dropStoredUrls(record: StoredResource): StoredResource {
  // Rebuilt rather than `delete`d: deleting a property in the middle turns the object into a
  // dictionary, several times larger than a plain object.
  const meta = record.meta as Partial<StoredResource['meta']> | undefined;
  if (meta && typeof meta === 'object' && 'location' in meta) {
    const { location: _, ...rest } = meta;
    record.meta = rest as StoredResource['meta'];
  }
  const members = record.members;
  if (Array.isArray(members) && members.some((m) => m !== null && typeof m === 'object' && '$ref' in m)) {
    record.members = members.map((m) => {
      if (m === null || typeof m !== 'object' || !('$ref' in m)) return m;
      const { $ref: _, ...rest } = m as Record<string, unknown>;
      return rest;
    });
  }
  return record;
}
