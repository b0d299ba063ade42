/**
 * @module engine/mapping/types
 * Microsoft Graph's synchronization schema (ENTRA-SPEC §3.6,
 * https://learn.microsoft.com/graph/api/resources/synchronization-synchronizationschema): directories,
 * synchronization rules, object mappings, attribute mappings and scoping filters, spelled as Graph
 * spells them so a schema exported from a tenant imports as it is. Unknown properties (`@odata.type`,
 * future fields) are kept: documents are never normalised, so they export back unchanged.
 */
import type { Filter, FilterClause, FilterGroup } from '../scoping/types.js';

/** Graph `attributeMappingSourceType`. */
export type AttributeMappingSourceType = 'Attribute' | 'Constant' | 'Function';

/** Graph `attributeFlowType` (§3.1): Always and ObjectAddOnly in the portal, the rest API-only. */
export type AttributeFlowType = 'Always' | 'ObjectAddOnly' | 'MultiValueAddOnly' | 'ValueAddOnly' | 'AttributeAddOnly';

/** Graph `attributeFlowBehavior`. */
export type AttributeFlowBehavior = 'FlowWhenChanged' | 'FlowAlways';

/** Graph `attributeType`. */
export type AttributeType = 'String' | 'Integer' | 'Reference' | 'Binary' | 'Boolean' | 'DateTime';

/** Graph `mutability`. */
export type Mutability = 'ReadWrite' | 'ReadOnly' | 'Immutable' | 'WriteOnly';

export interface StringKeyStringValuePair {
  readonly key: string;
  readonly value: string;
}

export interface AttributeMappingSource {
  readonly type: AttributeMappingSourceType;
  readonly name?: string | null;
  /** the text the admin typed; the engine evaluates this when present */
  readonly expression?: string | null;
  readonly parameters?: readonly AttributeMappingParameter[] | null;
  readonly [extra: string]: unknown;
}

export interface AttributeMappingParameter {
  readonly key: string;
  readonly value: AttributeMappingSource | null;
  readonly [extra: string]: unknown;
}

export interface AttributeMapping {
  readonly targetAttributeName: string;
  /** null: mapping type "None", only the default value flows (§3.1) */
  readonly source: AttributeMappingSource | null;
  readonly defaultValue?: string | null;
  readonly flowType?: AttributeFlowType;
  readonly flowBehavior?: AttributeFlowBehavior;
  /** 0 = not a matching attribute; lower positive numbers are tried first (§2.5) */
  readonly matchingPriority?: number;
  readonly exportMissingReferences?: boolean;
  readonly [extra: string]: unknown;
}

/** The scoping filter shapes (§5.1) belong to engine/scoping; the schema embeds them. */
export type { Filter, FilterClause, FilterGroup };

export interface ObjectMapping {
  readonly name?: string;
  readonly enabled?: boolean;
  /** "Target object actions": `"Add, Update, Delete"` by default */
  readonly flowTypes?: string;
  readonly sourceObjectName: string;
  readonly targetObjectName: string;
  readonly scope?: Filter | null;
  readonly attributeMappings: readonly AttributeMapping[];
  readonly metadata?: readonly StringKeyStringValuePair[];
  readonly [extra: string]: unknown;
}

export interface SynchronizationRule {
  readonly id?: string;
  readonly name?: string;
  readonly editable?: boolean;
  readonly priority?: number;
  readonly sourceDirectoryName: string;
  readonly targetDirectoryName: string;
  readonly objectMappings: readonly ObjectMapping[];
  readonly metadata?: readonly StringKeyStringValuePair[];
  readonly [extra: string]: unknown;
}

/** Graph `attributeDefinition` (§3.2), named apart from SCIM's AttributeDefinition in scim/types. */
export interface SyncAttributeDefinition {
  readonly name: string;
  readonly type: AttributeType;
  readonly anchor?: boolean;
  readonly required?: boolean;
  readonly multivalued?: boolean;
  readonly caseExact?: boolean;
  readonly mutability?: Mutability;
  readonly referencedObjects?: readonly { readonly referencedObjectName: string; readonly referencedProperty?: string | null }[];
  readonly metadata?: readonly StringKeyStringValuePair[];
  readonly [extra: string]: unknown;
}

export interface ObjectDefinition {
  readonly name: string;
  readonly attributes: readonly SyncAttributeDefinition[];
  readonly metadata?: readonly StringKeyStringValuePair[];
  readonly supportedApis?: readonly string[];
  readonly [extra: string]: unknown;
}

export interface DirectoryDefinition {
  readonly id?: string;
  readonly name: string;
  readonly objects: readonly ObjectDefinition[];
  readonly [extra: string]: unknown;
}

export interface SynchronizationSchema {
  readonly id?: string;
  readonly version?: string;
  readonly directories: readonly DirectoryDefinition[];
  readonly synchronizationRules: readonly SynchronizationRule[];
  readonly [extra: string]: unknown;
}
