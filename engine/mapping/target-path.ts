/**
 * @module engine/mapping/target-path
 * Reads an Entra target attribute name (ENTRA-SPEC §3.1–3.2, §3.5): `userName`, `name.givenName`,
 * `emails[type eq "work"].value`, `roles[primary eq "True"].value`, and extension paths
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department`. Only the shapes Entra's
 * attribute list uses: one attribute, an optional `[sub eq "value"]` filter, an optional
 * sub-attribute. `__proto__`, `constructor` and `prototype` are refused.
 */
import { FORBIDDEN_KEYS, URN } from '../../scim/types.js';

export interface TargetPath {
  /** the extension schema URN the attribute lives under; absent for core attributes */
  readonly schema?: string;
  readonly attribute: string;
  readonly filter?: { readonly attribute: string; readonly value: string };
  readonly subAttribute?: string;
}

const PATH = /^([A-Za-z$][\w$-]*)(?:\[\s*([A-Za-z$][\w$-]*)\s+eq\s+"([^"]*)"\s*\])?(?:\.([A-Za-z$][\w$-]*))?$/i;
const CORE = new Set<string>([URN.User, URN.Group]);

/** The path, or undefined when the name is not one Entra can send. */
export function parseTargetPath(name: string): TargetPath | undefined {
  let schema: string | undefined;
  let rest = name;
  if (name.toLowerCase().startsWith('urn:')) {
    const bracket = name.indexOf('[');
    const colon = name.lastIndexOf(':', bracket < 0 ? name.length : bracket);
    schema = name.slice(0, colon);
    rest = name.slice(colon + 1);
    if (CORE.has(schema)) schema = undefined;
  }
  const m = PATH.exec(rest);
  if (!m) return undefined;
  const parts = [m[1], m[2], m[4]].filter((p): p is string => p !== undefined);
  if (parts.some((p) => FORBIDDEN_KEYS.has(p))) return undefined;
  return {
    ...(schema !== undefined ? { schema } : {}),
    attribute: m[1],
    ...(m[2] !== undefined ? { filter: { attribute: m[2], value: m[3] } } : {}),
    ...(m[4] !== undefined ? { subAttribute: m[4] } : {}),
  };
}
