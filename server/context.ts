/**
 * @module server/context
 * Everything one target instance holds, built once by createServer and handed to its routers.
 * Nothing here is module-level: the pilot runs several targets in one process.
 */
import type { ResourceStore } from './store/types.js';
import type { Clock } from '../util/clock.js';
import type { QuirkRuntime, RequestJournal } from './quirks/types.js';
import type { ResourceEndpoints } from './resource-endpoints.js';
import type { SchemaRegistry } from './protocol.js';

export interface BulkLimits {
  maxOperations: number;
  maxPayloadSize: number;
}

export interface TargetContext {
  readonly store: ResourceStore;
  readonly registry: SchemaRegistry;
  readonly baseUrl: string | undefined;
  readonly maxBodyBytes: number;
  readonly bulk: BulkLimits;
  readonly pageSize: number;
  /** HTTP Basic is accepted too (advertised in /ServiceProviderConfig) */
  readonly basicAuth: boolean;
  readonly clock: Clock;
  readonly journal: RequestJournal | undefined;
  /** swapped by PUT /_admin/quirks */
  readonly quirks: { runtime: QuirkRuntime | undefined; profile: unknown };
  readonly endpoints: ResourceEndpoints;
  readonly log: (message: string) => void;
  /** drops cached filters (after a reset or a quirk swap) */
  resetCaches(): void;
}
