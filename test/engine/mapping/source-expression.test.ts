import { expect } from 'chai';
import { sourceExpression, toMappingSource } from '../../../engine/mapping/index.js';
import { SCHEMA_EXAMPLE, specExample } from './spec-examples.js';
import type { AttributeMappingSource, SynchronizationSchema } from '../../../engine/mapping/index.js';

describe('engine/mapping/source-expression', () => {
  describe('#toMappingSource()', () => {
    it('should build the Graph tree of the spec example, parameter keys from the signature (§3.6)', () => {
      const schema = specExample(SCHEMA_EXAMPLE) as SynchronizationSchema;
      const active = schema.synchronizationRules[0].objectMappings[0].attributeMappings.find((m) => m.targetAttributeName === 'active')!;
      expect(toMappingSource(active.source!.expression!)).to.deep.equal(active.source);
    });

    it('should store numbers as Constant strings', () => {
      expect(toMappingSource('Mid([userPrincipalName], 1, 8)').parameters!.map((p) => [p.key, p.value?.type, p.value?.name])).to.deep.equal([
        ['source', 'Attribute', 'userPrincipalName'],
        ['start', 'Constant', '1'],
        ['length', 'Constant', '8'],
      ]);
    });
  });

  describe('#sourceExpression()', () => {
    it('should prefer the expression text', () => {
      expect(sourceExpression({ type: 'Function', name: 'x', expression: 'Now()', parameters: [] })).to.equal('Now()');
    });

    it('should rebuild text from a tree, quoting constants', () => {
      const tree: AttributeMappingSource = {
        type: 'Function',
        name: 'Join',
        parameters: [
          { key: 'separator', value: { type: 'Constant', name: 'a "b"' } },
          { key: 'source', value: { type: 'Attribute', name: 'givenName' } },
          { key: 'source', value: null },
        ],
      };
      expect(sourceExpression(tree)).to.equal('Join("a \\"b\\"", [givenName], )');
    });
  });
});
