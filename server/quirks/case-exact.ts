/**
 * @module server/quirks/case-exact
 * The caseExactUserName quirk for filters: RFC 7643 §4.1.1 defines userName with caseExact false,
 * so filters match it case-insensitively; an app that compares it case-sensitively (UPN vs
 * userName mismatches) is imitated by compiling filters with this resolver.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-4.1.1
 */
import type { AttributeResolver } from '../../scim/types.js';
import { URN } from '../../scim/types.js';

/** Wraps a User resolver so that userName resolves as caseExact; everything else is unchanged. */
export function withCaseExactUserName(resolver: AttributeResolver): AttributeResolver {
  return (ref) => {
    const resolved = resolver(ref);
    if (!resolved || resolved.subAttribute || resolved.schema !== URN.User || resolved.attribute.name !== 'userName') return resolved;
    return { ...resolved, attribute: { ...resolved.attribute, caseExact: true } };
  };
}
