/**
 * @module scim/path/types
 * An attribute path as PATCH and attribute lists name it, RFC 7644 §3.10 and the §3.5.2 path ABNF:
 * `[schema:]attribute[valFilter][.subAttribute]`.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
import type { FilterNode } from '../filter/types.js';

export interface AttributePath {
  /** the schema URN when the path was URN-qualified */
  readonly schema?: string;
  readonly attribute: string;
  /** the value filter of `emails[type eq "work"]`; its paths are sub-attributes of `attribute` */
  readonly filter?: FilterNode;
  readonly subAttribute?: string;
}
