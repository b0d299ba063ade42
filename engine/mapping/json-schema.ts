/**
 * @module engine/mapping/json-schema
 * The JSON Schema a synchronization schema document is validated with on import (ENTRA-SPEC §3.6).
 * It checks what the engine reads (names, mapping sources, enums) and lets every other property
 * through, so a tenant export with `@odata.type` and future fields imports and exports unchanged.
 */
import { filterJsonSchema } from '../scoping/validate.js';

const pairs = { type: 'array', items: { type: 'object', required: ['key'], properties: { key: { type: 'string' } } } } as const;

const mappingSource = {
  type: 'object',
  required: ['type'],
  properties: {
    type: { enum: ['Attribute', 'Constant', 'Function'] },
    name: { type: ['string', 'null'] },
    expression: { type: ['string', 'null'] },
    parameters: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        required: ['key'],
        properties: { key: { type: 'string' }, value: { anyOf: [{ type: 'null' }, { $ref: '#/$defs/source' }] } },
      },
    },
  },
} as const;

const attributeMapping = {
  type: 'object',
  required: ['targetAttributeName', 'source'],
  properties: {
    targetAttributeName: { type: 'string', minLength: 1 },
    source: { anyOf: [{ type: 'null' }, { $ref: '#/$defs/source' }] },
    defaultValue: { type: ['string', 'null'] },
    flowType: { enum: ['Always', 'ObjectAddOnly', 'MultiValueAddOnly', 'ValueAddOnly', 'AttributeAddOnly'] },
    flowBehavior: { enum: ['FlowWhenChanged', 'FlowAlways'] },
    matchingPriority: { type: 'integer', minimum: 0 },
    exportMissingReferences: { type: 'boolean' },
  },
} as const;

export const objectMappingJsonSchema = {
  type: 'object',
  required: ['sourceObjectName', 'targetObjectName', 'attributeMappings'],
  properties: {
    name: { type: 'string' },
    enabled: { type: 'boolean' },
    flowTypes: { type: 'string' },
    sourceObjectName: { type: 'string', minLength: 1 },
    targetObjectName: { type: 'string', minLength: 1 },
    metadata: pairs,
    scope: { anyOf: [{ type: 'null' }, filterJsonSchema] },
    attributeMappings: { type: 'array', items: attributeMapping },
  },
} as const;

const attributeDefinition = {
  type: 'object',
  required: ['name', 'type'],
  properties: {
    name: { type: 'string', minLength: 1 },
    type: { enum: ['String', 'Integer', 'Reference', 'Binary', 'Boolean', 'DateTime'] },
    anchor: { type: 'boolean' },
    required: { type: 'boolean' },
    multivalued: { type: 'boolean' },
    caseExact: { type: 'boolean' },
    mutability: { enum: ['ReadWrite', 'ReadOnly', 'Immutable', 'WriteOnly'] },
    metadata: pairs,
  },
} as const;

export const synchronizationSchemaJsonSchema = {
  $defs: { source: mappingSource },
  type: 'object',
  required: ['directories', 'synchronizationRules'],
  properties: {
    id: { type: 'string' },
    version: { type: 'string' },
    directories: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'objects'],
        properties: {
          name: { type: 'string', minLength: 1 },
          objects: {
            type: 'array',
            items: { type: 'object', required: ['name', 'attributes'], properties: { name: { type: 'string' }, attributes: { type: 'array', items: attributeDefinition } } },
          },
        },
      },
    },
    synchronizationRules: {
      type: 'array',
      items: {
        type: 'object',
        required: ['sourceDirectoryName', 'targetDirectoryName', 'objectMappings'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          editable: { type: 'boolean' },
          priority: { type: 'integer' },
          sourceDirectoryName: { type: 'string' },
          targetDirectoryName: { type: 'string' },
          metadata: pairs,
          objectMappings: { type: 'array', items: objectMappingJsonSchema },
        },
      },
    },
  },
} as const;
