/**
 * @module engine/mapping/matching
 * The matching attributes of an object mapping (ENTRA-SPEC §2.5): mappings with
 * `matchingPriority > 0`, tried in ascending priority, one at a time.
 */
import type { AttributeMapping, ObjectMapping } from './types.js';

export function matchingMappings(mapping: ObjectMapping): AttributeMapping[] {
  return mapping.attributeMappings
    .filter((m) => (m.matchingPriority ?? 0) > 0)
    .sort((a, b) => (a.matchingPriority ?? 0) - (b.matchingPriority ?? 0));
}
