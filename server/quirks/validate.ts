/**
 * @module server/quirks/validate
 * Validates a quirk profile: structure with ajv against profile-schema.ts (every error, not the
 * first), then what a JSON Schema cannot say (attribute paths parse and resolve, patterns compile,
 * ranges are ordered, licences have pools). Each reason is `path: message` in the one problem
 * format of util/config-error (dotted path, `(root)` for the profile itself).
 */
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { ajvProblems, problemPath } from '../../util/config-error.js';
import { parseAttrRef } from '../../scim/path/attr-ref.js';
import type { ResourceTypeName } from '../store/types.js';
import { createPathCompiler } from './attribute-paths.js';
import type { PathCompiler } from './compiled-path.js';
import type { QuirkProfile } from './profile.js';
import { profileSchema } from './profile-schema.js';

export type ProfileValidation = { ok: true; profile: QuirkProfile } | { ok: false; errors: string[] };

/** Compiled once when the module loads; its `errors` are read right after each synchronous call. */
const schemaValidator: ValidateFunction = new Ajv({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true }).compile(profileSchema);

export function validateQuirkProfile(json: unknown, compile: PathCompiler = createPathCompiler()): ProfileValidation {
  const validate = schemaValidator;
  const errors = validate(json) ? [] : ajvProblems(validate.errors);
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) errors.push(...semanticErrors(json as Record<string, unknown>, compile));
  const unique = [...new Set(errors)];
  return unique.length === 0 ? { ok: true, profile: json as QuirkProfile } : { ok: false, errors: unique };
}

const TYPES: readonly ResourceTypeName[] = ['User', 'Group'];

function semanticErrors(profile: Record<string, unknown>, compile: PathCompiler): string[] {
  const errors: string[] = [];
  const checkPath = (type: ResourceTypeName, text: unknown, at: string): void => {
    if (typeof text !== 'string') return;
    try {
      compile(type, text);
    } catch (error) {
      errors.push(`${problemPath(at)}: ${(error as Error).message}`);
    }
  };
  const truncate = asRecord(profile.truncate);
  for (const type of TYPES) {
    for (const text of Object.keys(asRecord(truncate?.[type]) ?? {})) checkPath(type, text, `/truncate/${type}/${text}`);
  }
  for (const quirk of ['requireFields', 'ignoreAttributes', 'immutableAttributes']) {
    const perType = asRecord(profile[quirk]);
    for (const type of TYPES) {
      const list = perType?.[type];
      if (Array.isArray(list)) list.forEach((text, i) => checkPath(type, text, `/${quirk}/${type}/${i}`));
    }
  }
  const licenses = asRecord(profile.licenses);
  if (licenses) {
    checkPath('User', licenses.roleAttribute, '/licenses/roleAttribute');
    if (licenses.seats === undefined && licenses.pools === undefined) errors.push('licenses: set seats, pools or both');
    const pools = asRecord(licenses.pools) ?? {};
    for (const [role, licence] of Object.entries(asRecord(licenses.roles) ?? {})) {
      if (typeof licence === 'string' && !Object.hasOwn(pools, licence)) errors.push(`${problemPath(`/licenses/roles/${role}`)}: licence '${licence}' has no entry in licenses.pools`);
    }
  }
  const filterSupport = asRecord(profile.filterSupport);
  if (Array.isArray(filterSupport?.attributes)) {
    filterSupport.attributes.forEach((text: unknown, i: number) => {
      if (typeof text !== 'string') return;
      try {
        parseAttrRef(text, (detail) => new TypeError(detail));
      } catch (error) {
        errors.push(`filterSupport.attributes.${i}: ${(error as Error).message}`);
      }
    });
  }
  const userNameFormat = asRecord(profile.userNameFormat);
  if (typeof userNameFormat?.pattern === 'string') {
    try {
      new RegExp(userNameFormat.pattern, 'u');
    } catch (error) {
      errors.push(`userNameFormat.pattern: ${(error as Error).message}`);
    }
  }
  const faults = asRecord(profile.faults);
  if (faults && (faults.probability === undefined) === (faults.every === undefined)) errors.push('faults: set exactly one of probability and every');
  errors.push(...delayErrors(profile.latencyMs, '/latencyMs'));
  return errors;
}

function delayErrors(value: unknown, at: string): string[] {
  const delay = asRecord(value);
  if (!delay) return [];
  if (typeof delay.min === 'number' && typeof delay.max === 'number' && delay.min > delay.max) return [`${problemPath(at)}: min must not exceed max`];
  const out = delayErrors(delay.default, `${at}/default`);
  for (const [key, d] of Object.entries(asRecord(delay.endpoints) ?? {})) out.push(...delayErrors(d, `${at}/endpoints/${key}`));
  return out;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
