import { expect } from 'chai';
import { createRegistry, entraFunctions, evaluate, signature } from '../../../engine/expressions/index.js';
import { errorOf } from './error-shape.js';
import type { FunctionDefinition } from '../../../engine/expressions/index.js';

describe('engine/expressions/registry', () => {
  describe('.entraFunctions', () => {
    it('should hold every function of ENTRA-SPEC §4.4 the brief lists', () => {
      const names = entraFunctions.map((f) => f.name);
      for (const name of 'Append AppRoleAssignmentsComplex BitAnd CBool CDate Coalesce ConvertToBase64 ConvertToUTF8Hex Count CStr DateAdd DateDiff DateFromNum FormatDateTime Guid IgnoreFlowIfNullOrEmpty IIF InStr IsNull IsNullOrEmpty IsPresent IsString Item Join Left Mid NormalizeDiacritics Not Now NumFromDate PCase RandomString Redact RemoveDuplicates Replace SelectUniqueValue SingleAppRoleAssignment Split StripSpaces Switch ToLower ToUpper Word'.split(' ')) {
        expect(names).to.include(name);
      }
    });
  });

  describe('#signature()', () => {
    it('should write the signature as the docs do', () => {
      const sw = entraFunctions.find((f) => f.name === 'Switch')!;
      expect(signature(sw)).to.equal('Switch(source, defaultValue?, key, …, value, …)');
    });
  });

  describe('#createRegistry()', () => {
    const shout: FunctionDefinition = { name: 'Shout', params: [{ name: 'text', type: 'string' }], impl: ([t]) => `${String(t)}!` };

    it('should let a custom registry add functions per evaluation', () => {
      expect(evaluate('Shout("hi")', {}, { functions: createRegistry([...entraFunctions, shout]) }).value).to.equal('hi!');
      expect(errorOf(() => evaluate('Shout("hi")', {}))).to.deep.include({ code: 'unknown-function' });
    });

    it('should refuse a function registered twice', () => {
      expect(() => createRegistry([shout, shout])).to.throw(TypeError);
    });
  });

  describe('arity and type checks before dispatch', () => {
    it('should refuse too few and too many arguments', () => {
      expect(errorOf(() => evaluate('Left("a")', {}))).to.deep.equal({ name: 'ExpressionError', code: 'invalid-arity', function: 'Left', start: 0 });
      expect(errorOf(() => evaluate('Now(1)', {}))).to.deep.equal({ name: 'ExpressionError', code: 'invalid-arity', function: 'Now', start: 0 });
    });

    it('should refuse an omitted required argument', () => {
      expect(errorOf(() => evaluate('Mid(, 1, 2)', {}))).to.deep.equal({ name: 'ExpressionError', code: 'invalid-arity', function: 'Mid', start: 0 });
    });

    it('should drop trailing omitted slots beyond the signature (§4.1)', () => {
      expect(evaluate('Left("abc", 2, , )', {}).value).to.equal('ab');
    });

    it('should refuse a value of the wrong type, naming the function', () => {
      expect(errorOf(() => evaluate('Left("abc", "two")', {}))).to.deep.equal({ name: 'ExpressionError', code: 'invalid-type', function: 'Left', start: 0 });
      expect(errorOf(() => evaluate('ToLower([m])', { m: ['A'] }))).to.deep.equal({ name: 'ExpressionError', code: 'invalid-type', function: 'ToLower', start: 0 });
    });

    it('should let null through every type for the function to decide', () => {
      expect(evaluate('Left([missing], 3)', {}).value).to.equal('');
    });
  });
});
