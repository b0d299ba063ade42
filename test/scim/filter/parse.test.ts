import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parseFilter } from '../../../scim/filter/parse.js';
import { stringifyFilter } from '../../../scim/filter/stringify.js';
import type { FilterNode } from '../../../scim/filter/types.js';

const examples = JSON.parse(readFileSync(new URL('./rfc-examples.json', import.meta.url), 'utf8')) as { cases: { filter: string }[] };

const eq = (attribute: string, value: string | number | boolean | null, subAttribute?: string): FilterNode => ({
  type: 'compare', op: 'eq', path: subAttribute === undefined ? { attribute } : { attribute, subAttribute }, value,
});

function invalid(text: string, detail?: string): void {
  let error: unknown;
  try { parseFilter(text); } catch (e) { error = e; }
  expect(error, text).to.include({ name: 'ScimError', status: 400, scimType: 'invalidFilter' });
  if (detail !== undefined) expect((error as Error).message).to.equal(detail);
}

describe('scim/filter/parse', () => {
  describe('#parseFilter()', () => {
    it('should parse every RFC 7644 §3.4.2.2 example and round-trip it through stringifyFilter', () => {
      for (const { filter } of examples.cases) {
        const node = parseFilter(filter);
        expect(parseFilter(stringifyFilter(node)), filter).to.deep.equal(node);
      }
    });
    it('should build the AST of a comparison, a presence test and a URN-qualified path', () => {
      expect(parseFilter('userName eq "bjensen"')).to.deep.equal(eq('userName', 'bjensen'));
      expect(parseFilter('title pr')).to.deep.equal({ type: 'present', path: { attribute: 'title' } });
      expect(parseFilter('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "x"')).to.deep.equal({
        type: 'compare', op: 'eq', value: 'x',
        path: { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', attribute: 'manager', subAttribute: 'value' },
      });
    });
    it('should give not precedence over and, and and over or (RFC 7644 §3.4.2.2)', () => {
      expect(parseFilter('a eq 1 or b eq 2 and not (c eq 3)')).to.deep.equal({
        type: 'or', filters: [eq('a', 1), { type: 'and', filters: [eq('b', 2), { type: 'not', filter: eq('c', 3) }] }],
      });
    });
    it('should flatten chains of the same logical operator', () => {
      expect(parseFilter('a eq 1 and (b eq 2 and c eq 3)')).to.deep.equal({ type: 'and', filters: [eq('a', 1), eq('b', 2), eq('c', 3)] });
    });
    it('should accept operators and keywords in any case', () => {
      expect(parseFilter('a EQ 1 AnD b Pr')).to.deep.equal({ type: 'and', filters: [eq('a', 1), { type: 'present', path: { attribute: 'b' } }] });
    });
    it('should read JSON compValues: strings with escapes, negative and exponent numbers, true, false, null', () => {
      expect(parseFilter('a eq "x\\"y\\\\z" and b gt -5 and c lt 1.5e3 and d eq true and e eq null')).to.deep.equal({
        type: 'and', filters: [eq('a', 'x"y\\z'), { ...eq('b', -5), op: 'gt' }, { ...eq('c', 1500), op: 'lt' }, eq('d', true), eq('e', null)],
      } as FilterNode);
    });
    it('should read emails[type eq "work"].value eq "x" as one value filter (ENTRA-SPEC §6.4)', () => {
      expect(parseFilter('emails[type eq "work"].value eq "x"')).to.deep.equal({
        type: 'valuePath', path: { attribute: 'emails' }, filter: { type: 'and', filters: [eq('type', 'work'), eq('value', 'x')] },
      });
    });
  });

  describe('#parseFilter() errors', () => {
    it('should name the position of a syntax error', () => {
      invalid('userName eqq "x"', "Unexpected token userName eqq as valFilter operator at position 9 (near 'eqq \"x\"')");
      invalid('userName eq "x" )', "unexpected ')' at position 16 (near ')')");
      invalid('userName eq #', "unexpected character '#' at position 12");
      invalid('userName eq "open', 'unterminated or malformed string at position 12');
      invalid('userName eq', 'an operand or closing bracket is missing at the end of the filter');
      invalid('userName eq bjensen', "'bjensen' is not a comparison value (a JSON string, number, true, false or null) at position 12 (near 'bjensen')");
    });
    it('should refuse empty, malformed and prototype attribute names', () => {
      invalid('');
      invalid('   ');
      invalid('a.b.c eq 1');
      invalid('__proto__ eq 1');
      invalid('constructor pr');
      invalid('emails[prototype eq "x"]');
      invalid('1abc eq 1');
    });
    it('should refuse nested value filters and qualified names inside a value filter', () => {
      invalid('emails[type[value eq "x"]]');
      invalid('emails[type.value eq "x"]');
      invalid('name.givenName[value eq "x"]');
    });
    it('should bound length and nesting depth', () => {
      invalid(`userName eq "${'x'.repeat(5000)}"`, 'the filter is 5014 characters long; at most 4096 are accepted');
      invalid(`${'('.repeat(40)}a eq 1${')'.repeat(40)}`);
      expect(() => parseFilter(`${'('.repeat(10)}a eq 1${')'.repeat(10)}`)).not.to.throw();
      expect(() => parseFilter('a eq 1', { maxLength: 3 })).to.throw().that.includes({ scimType: 'invalidFilter' });
    });
  });
});
