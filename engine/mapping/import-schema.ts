/**
 * @module engine/mapping/import-schema
 * Imports a synchronization schema as exported from a tenant (`GET …/jobs/{id}/schema`, ENTRA-SPEC
 * §3.6) and exports it back unchanged: the document is validated, never normalised, so the round
 * trip is deep-equal. Every problem is listed as `path: message`.
 */
import { Ajv } from 'ajv';
import { filterProblems } from '../scoping/validate.js';
import { synchronizationSchemaJsonSchema } from './json-schema.js';
import { ConfigValidationError, ajvProblems } from './validation-error.js';
import type { DirectoryDefinition, ObjectMapping, SyncAttributeDefinition, SynchronizationRule, SynchronizationSchema } from './types.js';

const validate = new Ajv({ allErrors: true, strict: false }).compile(synchronizationSchemaJsonSchema);

/** Every problem of the document, `path: message`; empty when it imports. */
export function schemaProblems(json: unknown): string[] {
  if (!validate(json)) {
    return ajvProblems(validate.errors);
  }
  const schema = json as SynchronizationSchema;
  return schema.synchronizationRules.flatMap((rule, r) =>
    rule.objectMappings.flatMap((m, o) => filterProblems(m.scope ?? null, `synchronizationRules.${r}.objectMappings.${o}.scope`)),
  );
}

export function importSchema(json: unknown): SynchronizationSchema {
  const problems = schemaProblems(json);
  if (problems.length > 0) throw new ConfigValidationError('synchronization schema', problems);
  return json as SynchronizationSchema;
}

/** The document to PUT back (or save): a deep copy, unchanged. */
export function exportSchema(schema: SynchronizationSchema): unknown {
  return structuredClone(schema);
}

export interface ResolvedObjectMapping {
  readonly rule: SynchronizationRule;
  readonly mapping: ObjectMapping;
  readonly sourceAttributes?: readonly SyncAttributeDefinition[];
  readonly targetAttributes?: readonly SyncAttributeDefinition[];
}

function objectAttributes(directories: readonly DirectoryDefinition[], directory: string, object: string): readonly SyncAttributeDefinition[] | undefined {
  return directories.find((d) => d.name === directory)?.objects.find((o) => o.name === object)?.attributes;
}

/** Each object mapping with its rule and both sides' attribute lists, rules by ascending priority. */
export function objectMappings(schema: SynchronizationSchema): ResolvedObjectMapping[] {
  return [...schema.synchronizationRules]
    .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0))
    .flatMap((rule) =>
      rule.objectMappings.map((mapping) => {
        const sourceAttributes = objectAttributes(schema.directories, rule.sourceDirectoryName, mapping.sourceObjectName);
        const targetAttributes = objectAttributes(schema.directories, rule.targetDirectoryName, mapping.targetObjectName);
        return { rule, mapping, ...(sourceAttributes ? { sourceAttributes } : {}), ...(targetAttributes ? { targetAttributes } : {}) };
      }),
    );
}
