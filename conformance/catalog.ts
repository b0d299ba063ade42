/**
 * @module conformance/catalog
 * Every check, in the order the runner runs them (discovery first, throughput last).
 */
import { authChecks } from './checks/auth.js';
import { bulkChecks } from './checks/bulk.js';
import { deleteChecks } from './checks/delete.js';
import { discoveryChecks } from './checks/discovery.js';
import { entraChecks } from './checks/entra.js';
import { etagChecks } from './checks/etag.js';
import { filterChecks } from './checks/filter.js';
import { groupChecks } from './checks/groups.js';
import { httpChecks } from './checks/http.js';
import { pagingChecks } from './checks/paging.js';
import { patchChecks } from './checks/patch.js';
import { projectionChecks } from './checks/projection.js';
import { replaceChecks } from './checks/replace.js';
import { robustnessChecks } from './checks/robustness.js';
import { schemaChecks } from './checks/schema.js';
import { sortChecks } from './checks/sort.js';
import { throughputChecks } from './checks/throughput.js';
import { uniquenessChecks } from './checks/uniqueness.js';
import { userChecks } from './checks/users.js';
import type { Check } from './types.js';

export const CATALOG: readonly Check[] = [
  ...discoveryChecks, ...authChecks, ...httpChecks, ...userChecks, ...groupChecks, ...replaceChecks, ...patchChecks,
  ...entraChecks, ...filterChecks, ...pagingChecks, ...sortChecks, ...projectionChecks, ...etagChecks, ...bulkChecks,
  ...uniquenessChecks, ...deleteChecks, ...schemaChecks, ...robustnessChecks, ...throughputChecks,
];
