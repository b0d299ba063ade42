/**
 * @module server/quirks/active
 * Which quirks a profile turns on: a quirk that is absent, false, empty or all-"supported" is off,
 * and an off quirk costs nothing at request time.
 */
import type { QuirkName, QuirkProfile } from './profile.js';

const ORDER: readonly QuirkName[] = [
  'truncate', 'operations', 'licenses', 'rateLimit', 'latencyMs', 'faults', 'caseExactUserName', 'requireFields',
  'ignoreAttributes', 'immutableAttributes', 'userNameFormat', 'pageSizeMax', 'filterSupport', 'softDeleteOnly',
  'patchSupport', 'groupsUnsupported',
];

export function activeQuirks(profile: QuirkProfile): QuirkName[] {
  return ORDER.filter((name) => isOn(profile, name));
}

function hasEntries(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

function isOn(profile: QuirkProfile, name: QuirkName): boolean {
  switch (name) {
    case 'truncate':
    case 'requireFields':
    case 'ignoreAttributes':
    case 'immutableAttributes': {
      const q = profile[name];
      return hasEntries(q?.User) || hasEntries(q?.Group);
    }
    case 'operations': {
      const q = profile.operations;
      return [q?.User, q?.Group].some((s) => s !== undefined && Object.values(s).includes(false));
    }
    case 'latencyMs': {
      const q = profile.latencyMs;
      return q !== undefined && q !== 0;
    }
    case 'patchSupport': {
      const q = profile.patchSupport;
      return q !== undefined && (q.pathless === false || q.valueFilterPaths === false || q.ops !== undefined);
    }
    case 'caseExactUserName':
    case 'softDeleteOnly':
      return profile[name] === true;
    case 'groupsUnsupported':
      return profile.groupsUnsupported !== undefined && profile.groupsUnsupported !== false;
    case 'licenses':
    case 'rateLimit':
    case 'faults':
    case 'userNameFormat':
    case 'pageSizeMax':
    case 'filterSupport':
      return profile[name] !== undefined;
    default: {
      const never: never = name;
      throw new TypeError(`unknown quirk ${String(never)}`);
    }
  }
}
