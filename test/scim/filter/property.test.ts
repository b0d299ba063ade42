import { expect } from 'chai';
import fc from 'fast-check';
import { ScimError } from '../../../scim/errors.js';
import { compileComparison, compileFilter } from '../../../scim/filter/evaluate.js';
import { parseFilter } from '../../../scim/filter/parse.js';
import { stringifyFilter } from '../../../scim/filter/stringify.js';
import type { CompareOp, FilterNode } from '../../../scim/filter/types.js';
import { userResolver, users } from '../support/users.js';

const OPS: CompareOp[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];
const name = fc.constantFrom('userName', 'title', 'active', 'emails', 'name', 'meta', 'nickName', 'x509Certificates', 'bogus');
const sub = fc.option(fc.constantFrom('value', 'type', 'givenName', 'lastModified', 'primary'), { nil: undefined });
const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant('2011-05-13T04:42:34Z'));
const path = fc.record({ attribute: name, subAttribute: sub }).map((p) => (p.subAttribute === undefined ? { attribute: p.attribute } : p));
const innerPath = fc.constantFrom('value', 'type', 'primary').map((attribute) => ({ attribute }));

const leaf = (p: fc.Arbitrary<{ attribute: string; subAttribute?: string }>): fc.Arbitrary<FilterNode> => fc.oneof(
  fc.record({ type: fc.constant('compare' as const), op: fc.constantFrom(...OPS), path: p, value }),
  fc.record({ type: fc.constant('present' as const), path: p }),
);

const { filter } = fc.letrec<{ filter: FilterNode; inner: FilterNode }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf(path),
    fc.record({ type: fc.constantFrom('and' as const, 'or' as const), filters: fc.array(tie('filter'), { minLength: 2, maxLength: 3 }) }),
    fc.record({ type: fc.constant('not' as const), filter: tie('filter') }),
    fc.record({ type: fc.constant('valuePath' as const), path: fc.constantFrom('emails', 'addresses', 'userName').map((attribute) => ({ attribute })), filter: tie('inner') }),
  ),
  inner: fc.oneof(
    { depthSize: 'small' },
    leaf(innerPath),
    fc.record({ type: fc.constantFrom('and' as const, 'or' as const), filters: fc.array(tie('inner'), { minLength: 2, maxLength: 3 }) }),
  ),
}));

/** Same-operator children are flattened by the parser. */
function normalize(node: FilterNode): FilterNode {
  switch (node.type) {
    case 'and': case 'or':
      return { type: node.type, filters: node.filters.map(normalize).flatMap((f) => (f.type === node.type ? f.filters : [f])) };
    case 'not': return { type: 'not', filter: normalize(node.filter) };
    case 'valuePath': return { ...node, filter: normalize(node.filter) };
    default: return node;
  }
}

describe('scim/filter (properties)', () => {
  it('should throw nothing but ScimError invalidFilter on arbitrary text', () => {
    const text = fc.oneof(fc.string({ maxLength: 80 }), fc.array(fc.constantFrom('a', 'eq', ' ', '"', '(', ')', '[', ']', '.', 'and', 'not', 'pr', '1', '-', ':', 'urn:x'), { maxLength: 20 }).map((a) => a.join('')));
    fc.assert(fc.property(text, (t) => {
      try { parseFilter(t); } catch (e) {
        expect(e).to.be.instanceOf(ScimError);
        expect((e as ScimError).scimType).to.equal('invalidFilter');
      }
    }), { numRuns: 2000 });
  });

  it('should round-trip any AST through stringifyFilter and parseFilter', () => {
    fc.assert(fc.property(filter, (node) => {
      expect(parseFilter(stringifyFilter(node))).to.deep.equal(normalize(node));
    }), { numRuns: 500 });
  });

  it('should compile any AST into a predicate that never throws, or refuse it with invalidFilter', () => {
    const resources = users();
    fc.assert(fc.property(filter, (node) => {
      let predicate;
      try { predicate = compileFilter(node, userResolver); } catch (e) {
        expect(e).to.be.instanceOf(ScimError);
        expect((e as ScimError).scimType).to.equal('invalidFilter');
        return;
      }
      for (const r of resources) expect(predicate(r)).to.be.a('boolean');
    }), { numRuns: 500 });
  });

  it('should compile a comparison by shape into the same matches and the same errors as compileFilter', () => {
    const resources = users();
    const outcome = (compile: () => (r: object) => boolean): unknown => {
      try {
        const predicate = compile();
        return resources.map((r) => predicate(r));
      } catch (e) {
        expect(e).to.be.instanceOf(ScimError);
        return (e as ScimError).message;
      }
    };
    const compare = fc.record({ type: fc.constant('compare' as const), op: fc.constantFrom(...OPS), path, value });
    fc.assert(fc.property(compare, (node) => {
      expect(outcome(() => compileComparison(node.path, node.op, userResolver)(node.value))).to.deep.equal(outcome(() => compileFilter(node, userResolver)));
    }), { numRuns: 1000 });
  });
});
