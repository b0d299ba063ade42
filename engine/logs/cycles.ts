/**
 * @module engine/logs/cycles
 * One summary per cycle in `<dir>/cycles.jsonl`: what `scimulator report` reads for the portal's
 * "Current status" and "Statistics to date" (ENTRA-SPEC §2.14, §7.5). The last summary's `status`
 * is the job's status (§1.1). Per-object detail stays in the provisioning log.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CycleReport } from '../api.js';
import { readJsonLines, trimTornTail } from './jsonl.js';

export const CYCLES_FILE = 'cycles.jsonl';

export type CycleSummary = Omit<CycleReport, 'entries' | 'plannedRequests'>;

/** The report without its per-object entries and planned requests. */
export function toCycleSummary(report: CycleSummary | CycleReport): CycleSummary {
  // A whole CycleReport is assignable to CycleSummary, so strip explicitly rather than trust the type.
  const { entries: _entries, plannedRequests: _planned, ...summary } = report as CycleReport;
  return summary;
}

/** Appends one line (creating the directory); a full CycleReport is accepted and trimmed. */
export async function appendCycleSummary(dir: string, summary: CycleSummary): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, CYCLES_FILE);
  // A summary cut short by a crash would swallow this one if it were appended to the fragment.
  await trimTornTail(file);
  await appendFile(file, `${JSON.stringify(toCycleSummary(summary))}\n`);
}

/** Every stored summary, oldest first; none when the job has not run. */
export async function readCycleSummaries(dir: string): Promise<CycleSummary[]> {
  const summaries: CycleSummary[] = [];
  for await (const value of readJsonLines(join(dir, CYCLES_FILE))) summaries.push(value as unknown as CycleSummary);
  return summaries;
}
