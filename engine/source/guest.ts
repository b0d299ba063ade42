/**
 * @module engine/source/guest
 * B2B guests (ENTRA-SPEC §2.4): a guest's UPN is `alias_theirdomain#EXT#@yourdomain`; as a mapping
 * source Entra gives it back as `alias@theirdomain`. Domains hold no `_`, so the last `_` before
 * `#EXT#` separates alias and domain (`john_smith_fabrikam.com#EXT#@…` → `john_smith@fabrikam.com`).
 */
const EXT_UPN = /^(.+)_([^_@#]+)#EXT#@[^@]+$/i;

/** The guest's own address for an `#EXT#` UPN; null for any other UPN. */
export function guestOriginalAddress(userPrincipalName: string): string | null {
  const match = EXT_UPN.exec(userPrincipalName);
  return match ? `${match[1]}@${match[2]}` : null;
}
