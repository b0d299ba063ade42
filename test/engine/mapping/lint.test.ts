import { expect } from 'chai';
import { lintObjectMapping, lintSchema, loadDefaultSchema, toMappingSource } from '../../../engine/mapping/index.js';
import type { AttributeMapping, ObjectMapping } from '../../../engine/mapping/index.js';

const mapping = (targetAttributeName: string, expression: string, matchingPriority = 0): AttributeMapping => ({
  targetAttributeName,
  source: { type: 'Function', name: 'x', expression, parameters: [] },
  matchingPriority,
});
const users = (...attributeMappings: AttributeMapping[]): ObjectMapping => ({ sourceObjectName: 'User', targetObjectName: 'User', attributeMappings });

describe('engine/mapping/lint', () => {
  describe('#lintObjectMapping()', () => {
    it('should warn about a matching attribute whose source can change, such as mail (§2.5)', () => {
      expect(lintObjectMapping(users(mapping('emails[type eq "work"].value', '[mail]', 1)))).to.deep.equal([
        {
          code: 'mutable-matching-attribute',
          severity: 'warning',
          path: 'attributeMappings.0',
          targetAttributeName: 'emails[type eq "work"].value',
          message: 'matching on [mail], which can change: a changed value no longer finds the linked target object',
        },
      ]);
    });

    it('should report a target attribute mapped twice', () => {
      const findings = lintObjectMapping(users(mapping('userName', '[userPrincipalName]'), mapping('userName', '[mail]')));
      expect(findings.map((f) => [f.code, f.path])).to.deep.equal([['duplicate-target', 'attributeMappings.1']]);
    });

    it('should report an expression that does not parse, and wrong calls', () => {
      const findings = lintObjectMapping(users(mapping('title', 'Join(" ", [a]'), mapping('displayName', 'Left([a])'), mapping('nickName', 'Nope([a])')));
      expect(findings.map((f) => [f.code, f.targetAttributeName, f.message.split(':')[0]])).to.deep.equal([
        ['expression-syntax', 'title', 'syntax at 13'],
        ['expression-invalid', 'displayName', 'invalid-arity at 0'],
        ['expression-invalid', 'nickName', 'unknown-function at 0'],
      ]);
    });

    it('should report source attributes the source object does not have', () => {
      const findings = lintObjectMapping(users(mapping('title', 'Coalesce([jobTitle], [jobtitle])')), { sourceAttributes: ['jobTitle'] });
      expect(findings.map((f) => [f.code, f.message])).to.deep.equal([['unknown-source-attribute', '[jobtitle] is not an attribute of User']]);
    });

    it('should refuse SelectUniqueValue on a matching attribute', () => {
      const findings = lintObjectMapping(users(mapping('userName', 'SelectUniqueValue([userPrincipalName], [objectId])', 1)));
      expect(findings.map((f) => f.code)).to.deep.equal(['select-unique-on-matching']);
    });

    it('should accept a Graph tree without expression text', () => {
      const m: AttributeMapping = { targetAttributeName: 'title', source: { ...toMappingSource('ToUpper([jobTitle])'), expression: null } };
      expect(lintObjectMapping(users(m), { sourceAttributes: ['jobTitle'] })).to.deep.equal([]);
    });
  });

  describe('#lintSchema()', () => {
    it('should find nothing wrong in the shipped default mapping', () => {
      expect(lintSchema(loadDefaultSchema())).to.deep.equal([]);
    });
  });
});
