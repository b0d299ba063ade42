/**
 * @module server/store/password
 * RFC 7643 §4.1.1 `password`: "the cleartext value or the hashed value of a password", never
 * returned. The store keeps a salted scrypt hash (node:crypto), so neither memory, the db files
 * nor any response holds what a client sent, and sign-in can still check a presented password.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-4.1.1
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

// node's defaults (N = 2^14, r = 8, p = 1: 16 MiB, tens of ms); kept in the hash so they can change
const PARAMS = { N: 16_384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const PREFIX = '$scrypt$';
const FORMAT = /^\$scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** Whether a stored value is a hash this module made (anything else is a cleartext to hash). */
export function isPasswordHash(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX) && FORMAT.test(value);
}

function encode(params: { N: number; r: number; p: number }, salt: Buffer, key: Buffer): string {
  return `${PREFIX}N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))));
}

/** A salted hash, computed off the event loop (libuv's thread pool). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return encode(PARAMS, salt, await derive(password, salt, PARAMS));
}

/** The same, blocking: for writes that arrive without going through hashPassword first (seeding, import). */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(SALT_BYTES);
  return encode(PARAMS, salt, scryptSync(password.normalize('NFC'), salt, KEY_BYTES, { ...PARAMS, maxmem: 64 * 1024 * 1024 }));
}

/** Whether `password` is the one `stored` was made from (constant-time comparison). */
export async function verifyPassword(password: string, stored: unknown): Promise<boolean> {
  if (typeof stored !== 'string') return false;
  const match = FORMAT.exec(stored);
  if (!match) return false;
  const [, n, r, p, salt, expected] = match;
  const want = Buffer.from(expected!, 'base64url');
  if (want.length !== KEY_BYTES) return false;
  const key = await derive(password, Buffer.from(salt!, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(key, want);
}

/**
 * The resource with its `password` replaced by a hash (hashed off the loop), unless it already
 * holds one: a replace or PATCH that leaves the password alone carries the stored hash along.
 */
export async function withHashedPassword<T extends Readonly<Record<string, unknown>>>(resource: T): Promise<T> {
  if (!needsHashing(resource)) return resource;
  return { ...resource, password: await hashPassword(resource.password as string) };
}

/** Whether the resource carries a cleartext password (callers skip the await when it does not). */
export function needsHashing(resource: Readonly<Record<string, unknown>>): boolean {
  return typeof resource?.password === 'string' && !isPasswordHash(resource.password);
}
