/**
 * @module scimulator
 * The package entry (`import … from 'scimulator'`): the mock target, the SCIM client, the
 * conformance runner and the quirk profiles, for use from another project's tests.
 */
export { createServer, startServer, startEmbeddedTarget, SCIM_BASE_PATH } from './server/index.js';
export type { ServerOptions, StartOptions, RunningServer, EmbeddedTarget, AuthOptions } from './server/index.js';
export { createMemoryStore } from './server/store/index.js';
export { createQuirkRuntime, loadQuirkProfile, listBundledProfiles, validateQuirkProfile } from './server/quirks/index.js';
export type { QuirkProfile } from './server/quirks/index.js';
export { createScimClient, ScimClientError } from './scim/client/index.js';
export type { ScimClient, ClientAuth, ClientOptions, Exchange, ScimResponse } from './scim/client/index.js';
export { eqFilter, andFilters } from './scim/filter/build.js';
export {
  runConformance, RunStartError, SelectionError, CATALOG, selectChecks, formatText, formatJson, formatJunit, formatHtml, runFailed,
} from './conformance/index.js';
export type { RunOptions, RunResult, CheckResult, Check, ProfileSelection } from './conformance/index.js';
export { packageVersion } from './util/package-root.js';
