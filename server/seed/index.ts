export { seedUsers } from './seed-users.js';
export type { SeedOptions, SeedResult } from './seed-users.js';
export { createRandom } from './prng.js';
export type { Random } from './prng.js';
