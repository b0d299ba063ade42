/**
 * @module pilot/mapping-edits
 * A plan's mapping change applied to a synchronization schema, the way an admin edits attribute
 * mappings in the portal (ENTRA-SPEC §3): change a source expression, remove a mapping, or make
 * one target attribute the matching attribute (§2.5). Pure; the schema is copied, never changed.
 */
import { resourceTypeOf, toMappingSource } from '../engine/mapping/index.js';
import type { AttributeMapping, ObjectMapping, SynchronizationSchema } from '../engine/mapping/index.js';
import type { MappingEdit } from './plan.types.js';

/** Every problem of the edit against the schema, as `path: message` under `at`. */
export function mappingEditProblems(schema: SynchronizationSchema, edit: MappingEdit, at: string): string[] {
  const problems: string[] = [];
  const object = edit.object ?? 'User';
  const mapping = findMapping(schema, object);
  if (!mapping) return [`${at}.object: the mapping has no ${object} object mapping`];
  const targets = new Set(mapping.attributeMappings.map((m) => m.targetAttributeName));
  for (const [target, expression] of Object.entries(edit.attributes ?? {})) {
    if (expression === null) {
      if (!targets.has(target)) problems.push(`${at}.attributes.${target}: no mapping to remove`);
      continue;
    }
    try {
      toMappingSource(expression);
    } catch (error) {
      problems.push(`${at}.attributes.${target}: ${(error as Error).message}`);
    }
  }
  if (edit.matchOn !== undefined) {
    const added = Object.entries(edit.attributes ?? {}).some(([t, e]) => t === edit.matchOn && e !== null);
    if (!targets.has(edit.matchOn) && !added) problems.push(`${at}.matchOn: no mapping targets '${edit.matchOn}' (map it under attributes first)`);
    if (edit.attributes?.[edit.matchOn] === null) problems.push(`${at}.matchOn: '${edit.matchOn}' is removed by the same edit`);
  }
  return problems;
}

export function applyMappingEdit(schema: SynchronizationSchema, edit: MappingEdit): SynchronizationSchema {
  const object = edit.object ?? 'User';
  const copy = structuredClone(schema) as { -readonly [K in keyof SynchronizationSchema]: SynchronizationSchema[K] };
  const mapping = findMapping(copy, object) as { attributeMappings: AttributeMapping[] } | undefined;
  if (!mapping) throw new Error(`the mapping has no ${object} object mapping`);
  let attributes = [...mapping.attributeMappings];
  for (const [target, expression] of Object.entries(edit.attributes ?? {})) {
    const at = attributes.findIndex((m) => m.targetAttributeName === target);
    if (expression === null) {
      attributes = attributes.filter((m) => m.targetAttributeName !== target);
      continue;
    }
    const source = toMappingSource(expression);
    if (at >= 0) attributes[at] = { ...attributes[at]!, source };
    else attributes.push({ targetAttributeName: target, source, flowType: 'Always', flowBehavior: 'FlowWhenChanged', matchingPriority: 0 });
  }
  if (edit.matchOn !== undefined) {
    attributes = attributes.map((m) => ({ ...m, matchingPriority: m.targetAttributeName === edit.matchOn ? 1 : 0 }));
  }
  mapping.attributeMappings = attributes;
  return copy;
}

function findMapping(schema: SynchronizationSchema, object: 'User' | 'Group'): ObjectMapping | undefined {
  for (const rule of schema.synchronizationRules) {
    for (const mapping of rule.objectMappings) if (resourceTypeOf(mapping.targetObjectName) === object) return mapping;
  }
  return undefined;
}
