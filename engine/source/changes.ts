/**
 * @module engine/source/changes
 * What changed between two cycles, from their id → digest maps (./digest.ts): new objects, changed
 * ones, and the ones gone from the file (hard-deleted in the source, ENTRA-SPEC §2.2 step 6).
 * Lists follow the maps' order (current for added/changed, previous for removed), so plans repeat.
 */
export interface DirectoryChanges {
  readonly added: string[];
  readonly changed: string[];
  readonly removed: string[];
  readonly unchanged: number;
}

export function detectChanges(previous: ReadonlyMap<string, string>, current: ReadonlyMap<string, string>): DirectoryChanges {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  let unchanged = 0;
  for (const [id, digest] of current) {
    const before = previous.get(id);
    if (before === undefined) added.push(id);
    else if (before !== digest) changed.push(id);
    else unchanged += 1;
  }
  for (const id of previous.keys()) {
    if (!current.has(id)) removed.push(id);
  }
  return { added, changed, removed, unchanged };
}
