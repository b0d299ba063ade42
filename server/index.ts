/**
 * @module server
 * The mock SCIM target: createServer (an express app) and startServer (listening).
 */
export { createServer, SCIM_BASE_PATH, DEFAULT_MAX_BODY_BYTES, DEFAULT_BULK, DEFAULT_PAGE_SIZE } from './app.js';
export type { ServerOptions } from './app.js';
export { startServer } from './start.js';
export type { StartOptions, RunningServer } from './start.js';
export type { AuthOptions } from './middleware/auth.js';
export { startEmbeddedTarget } from './embedded.js';
export type { EmbeddedTarget } from './embedded.js';
