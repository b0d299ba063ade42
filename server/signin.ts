/**
 * @module server/signin
 * "Can this user sign in to the app?" — how the pilot checks the application side of a
 * provisioning outcome (POST /_admin/signin). One answer for the plain target and for every quirk
 * profile: the user exists, is active, and (when the licences quirk is on) holds its licences; a
 * request that presents a password also needs it to match the stored (scrypt-hashed) one.
 */
import type { ResourceStore, StoredResource } from './store/types.js';
import { verifyPassword } from './store/password.js';

export type SigninVerdict = { ok: true } | { ok: false; reason: string };

export interface SigninOptions {
  /** the caseExactUserName quirk: the app compares userName case-sensitively */
  caseExactUserName?: boolean;
  /** the licences quirk: why this active user holds no licence, or undefined when it holds them all */
  unlicensed?: (user: StoredResource) => string | undefined;
}

export function signinVerdict(userName: string, store: ResourceStore, options: SigninOptions = {}): SigninVerdict {
  const user = findUserByName(userName, store, options.caseExactUserName ?? false);
  if (!user) return { ok: false, reason: `no user with userName '${userName}'` };
  if (!isActive(user)) return { ok: false, reason: `user '${userName}' is deactivated (active=false)` };
  const unlicensed = options.unlicensed?.(user);
  return unlicensed === undefined ? { ok: true } : { ok: false, reason: `user '${userName}' holds no licence: ${unlicensed}` };
}

/** RFC 7643 §4.1.1 `active`; Entra's legacy dialect sends it as the string "False" (ENTRA-SPEC §6.5). */
export function isActive(user: Readonly<Record<string, unknown>>): boolean {
  const value = user.active;
  return !(value === false || (typeof value === 'string' && value.toLowerCase() === 'false'));
}

function findUserByName(userName: string, store: ResourceStore, caseExact: boolean): StoredResource | undefined {
  // RFC 7643 §4.1.1: userName is caseExact false unless the app (the quirk) says otherwise.
  const wanted = caseExact ? userName : userName.toLowerCase();
  const predicate = (u: StoredResource) => typeof u.userName === 'string' && (caseExact ? u.userName : u.userName.toLowerCase()) === wanted;
  // the eq hint lets the store answer from its userName index instead of scanning
  return store.query('User', { filter: { type: 'compare', op: 'eq', path: { attribute: 'userName' }, value: userName }, predicate })[0];
}

/**
 * The password step of a sign-in, after signinVerdict said yes: the presented password must match
 * the user's stored hash (a user provisioned without a password cannot sign in with one). The
 * reason never repeats the password.
 */
export async function passwordVerdict(userName: string, password: string, store: ResourceStore, options: Pick<SigninOptions, 'caseExactUserName'> = {}): Promise<SigninVerdict> {
  const user = findUserByName(userName, store, options.caseExactUserName ?? false);
  if (!user) return { ok: false, reason: `no user with userName '${userName}'` };
  if (user.password === undefined) return { ok: false, reason: `user '${userName}' has no password` };
  return (await verifyPassword(password, user.password)) ? { ok: true } : { ok: false, reason: `wrong password for user '${userName}'` };
}
