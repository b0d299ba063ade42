/**
 * @module conformance/checks/throughput
 * Entra's capacity expectation for a target: at least 25 requests per second (ENTRA-SPEC §6.6,
 * §6.8), measured with the probe query Entra sends most.
 */
import { fail } from '../assert.js';
import type { Check } from '../types.js';
import { ENTRA } from './helpers.js';
import { eqFilter } from '../../scim/filter/build.js';

const REQUESTS = 60;
const CONCURRENCY = 4;
const MIN_RATE = 25;

export const throughputChecks: Check[] = [
  {
    id: 'throughput-25-rps', title: `the target sustains ${MIN_RATE} requests per second without throttling`, area: 'throughput',
    spec: 'ENTRA-SPEC §6.6', level: 'MUST', profiles: ENTRA, mutating: false,
    async run(ctx) {
      const statuses = new Map<number, number>();
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        while (next < REQUESTS) {
          next++;
          const res = await ctx.client.list('/Users', { filter: eqFilter('userName', crypto.randomUUID()) });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const seconds = (performance.now() - started) / 1000;
      const rate = REQUESTS / seconds;
      const failed = [...statuses].filter(([s]) => s !== 200);
      if (failed.length) fail(`${failed.reduce((n, [, c]) => n + c, 0)} of ${REQUESTS} requests did not answer 200`, `200 for all at ${CONCURRENCY} in flight`, Object.fromEntries(statuses));
      if (rate < MIN_RATE) fail(`only ${rate.toFixed(1)} requests per second`, `>= ${MIN_RATE}/s`, `${rate.toFixed(1)}/s`);
    },
  },
];
