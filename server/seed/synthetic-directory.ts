/**
 * @module server/seed/synthetic-directory
 * Pure generators of realistic SCIM Users (RFC 7643 §4.1, with the §4.3 enterprise extension) and
 * Groups (§4.2) from a seeded PRNG: same seed, same directory.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-4.1
 */
import { URN } from '../../scim/types.js';
import type { ScimResource } from '../../scim/types.js';
import type { Random } from './prng.js';
import { CITIES, DEPARTMENTS, DOMAINS, FAMILY_NAMES, GIVEN_NAMES, HOME_DOMAINS, ORGANIZATIONS, STREETS, TITLES } from './vocabulary.js';

export interface UserContext {
  /** userNames already handed out (lower-cased): collisions get a number */
  readonly taken: Set<string>;
  /** ids of already stored users that can be managers */
  readonly managers: readonly string[];
}

function slug(name: string): string {
  return name.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
}

/** One user; `index` makes the employee number unique. */
export function syntheticUser(random: Random, index: number, ctx: UserContext): ScimResource {
  const givenName = random.pick(GIVEN_NAMES);
  const familyName = random.pick(FAMILY_NAMES);
  const domain = random.pick(DOMAINS);
  const local = `${slug(givenName)}.${slug(familyName)}`;
  let userName = `${local}@${domain}`;
  for (let n = 2; ctx.taken.has(userName); n++) userName = `${local}${n}@${domain}`;
  ctx.taken.add(userName);

  const emails: Record<string, unknown>[] = [{ value: userName, type: 'work', primary: true }];
  if (random.chance(0.3)) emails.push({ value: `${local}${random.int(1, 999)}@${random.pick(HOME_DOMAINS)}`, type: 'home' });
  const user: ScimResource = {
    schemas: [URN.User],
    externalId: `emp-${index + 1}`,
    userName,
    name: { givenName, familyName, formatted: `${givenName} ${familyName}` },
    displayName: `${givenName} ${familyName}`,
    emails,
    active: random.chance(0.95),
    title: random.pick(TITLES),
    phoneNumbers: [{ value: `+1 555 01${String(random.int(0, 99)).padStart(2, '0')} ${String(random.int(0, 9999)).padStart(4, '0')}`, type: 'work' }],
  };
  if (random.chance(0.4)) {
    const city = random.pick(CITIES);
    const streetAddress = `${random.int(1, 400)} ${random.pick(STREETS)}`;
    user.addresses = [{ type: 'work', streetAddress, ...city, formatted: `${streetAddress}\n${city.postalCode} ${city.locality}\n${city.country}`, primary: true }];
  }
  if (random.chance(0.7)) {
    user.schemas = [URN.User, URN.EnterpriseUser];
    const enterprise: Record<string, unknown> = {
      employeeNumber: String(100000 + index),
      department: random.pick(DEPARTMENTS),
      costCenter: `CC-${random.int(1000, 1099)}`,
      organization: random.pick(ORGANIZATIONS),
    };
    if (ctx.managers.length > 0 && random.chance(0.9)) enterprise.manager = { value: random.pick(ctx.managers) };
    user[URN.EnterpriseUser] = enterprise;
  }
  return user;
}

/** Group names: one per department, then teams; `count` of them, unique. */
export function groupNames(count: number): string[] {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const department = DEPARTMENTS[i % DEPARTMENTS.length];
    names.push(i < DEPARTMENTS.length ? department : `${department} Team ${Math.floor(i / DEPARTMENTS.length)}`);
  }
  return names;
}

/** Groups with members: every user joins one or two groups, weighted towards department groups. */
export function syntheticGroups(random: Random, userIds: readonly string[], count: number): ScimResource[] {
  const names = groupNames(count);
  const members: string[][] = names.map(() => []);
  const departments = Math.min(count, DEPARTMENTS.length);
  for (const id of userIds) {
    const first = random.int(0, departments - 1);
    members[first].push(id);
    if (count > departments && random.chance(0.6)) members[random.int(departments, count - 1)].push(id);
  }
  return names.map((displayName, i) => ({
    schemas: [URN.Group],
    displayName,
    members: members[i].map((value) => ({ value })),
  }));
}
