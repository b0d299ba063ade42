import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import {
  ConfigValidationError,
  defaultMappingPath,
  exportSchema,
  importSchema,
  loadDefaultSchema,
  objectMappings,
  schemaProblems,
} from '../../../engine/mapping/index.js';
import { SCHEMA_EXAMPLE, specExample } from './spec-examples.js';

describe('engine/mapping/import-schema', () => {
  describe('#importSchema() / #exportSchema() round trip (ENTRA-SPEC §3.6)', () => {
    it('should export the spec example schema back deep-equal', () => {
      const json = specExample(SCHEMA_EXAMPLE);
      expect(exportSchema(importSchema(json))).to.deep.equal(json);
    });

    it('should export the shipped default mapping back deep-equal', () => {
      const json = JSON.parse(readFileSync(defaultMappingPath(), 'utf8')) as unknown;
      expect(exportSchema(importSchema(json))).to.deep.equal(json);
    });

    it('should keep properties it does not know, such as @odata.type', () => {
      const json = { '@odata.type': '#microsoft.graph.synchronizationSchema', directories: [], synchronizationRules: [], future: { x: 1 } };
      expect(exportSchema(importSchema(json))).to.deep.equal(json);
    });

    it('should export a copy, not the imported object', () => {
      const schema = importSchema(specExample(SCHEMA_EXAMPLE));
      expect(exportSchema(schema)).not.to.equal(schema);
    });
  });

  describe('#schemaProblems()', () => {
    it('should list every problem as path: message', () => {
      const json = specExample(SCHEMA_EXAMPLE) as { synchronizationRules: { objectMappings: Record<string, unknown>[] }[] };
      const mapping = json.synchronizationRules[0].objectMappings[0] as { attributeMappings: Record<string, unknown>[] };
      mapping.attributeMappings[0].flowType = 'Sometimes';
      mapping.attributeMappings[1].matchingPriority = -1;
      mapping.attributeMappings[2].source = { type: 'Formula' };
      expect(schemaProblems(json)).to.deep.equal([
        'synchronizationRules.0.objectMappings.0.attributeMappings.0.flowType: must be equal to one of the allowed values',
        'synchronizationRules.0.objectMappings.0.attributeMappings.1.matchingPriority: must be >= 0',
        'synchronizationRules.0.objectMappings.0.attributeMappings.2.source: must be null',
        'synchronizationRules.0.objectMappings.0.attributeMappings.2.source.type: must be equal to one of the allowed values',
        'synchronizationRules.0.objectMappings.0.attributeMappings.2.source: must match a schema in anyOf',
      ]);
    });

    it('should check the scoping filters of object mappings', () => {
      const json = specExample(SCHEMA_EXAMPLE) as { synchronizationRules: { objectMappings: { scope: unknown }[] }[] };
      json.synchronizationRules[0].objectMappings[0].scope = {
        groups: [{ name: 'g', clauses: [{ sourceOperandName: 'n', operatorName: 'Greater_Than', targetOperand: { values: ['x'] } }] }],
      };
      expect(schemaProblems(json)).to.deep.equal([
        'synchronizationRules.0.objectMappings.0.scope.groups.0.clauses.0.targetOperand.values: Greater_Than compares integers',
      ]);
    });

    it('should throw ConfigValidationError from importSchema with the problems', () => {
      expect(() => importSchema({ directories: [] })).to.throw(ConfigValidationError).with.property('problems').that.deep.equals([
        "(root): must have required property 'synchronizationRules'",
      ]);
    });
  });

  describe('#objectMappings()', () => {
    it('should give each object mapping with its source and target attribute lists', () => {
      const resolved = objectMappings(loadDefaultSchema());
      expect(resolved.map((r) => [r.mapping.sourceObjectName, (r.sourceAttributes?.length ?? 0) > 0, r.targetAttributes !== undefined])).to.deep.equal([
        ['Group', true, true],
        ['User', true, true],
      ]);
    });
  });
});
