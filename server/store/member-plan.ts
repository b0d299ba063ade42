/**
 * @module server/store/member-plan
 * Turns the steps of a member PATCH (./member-delta.ts) into the delta the store applies, with the
 * semantics of the general PATCH path (RFC 7644 §3.5.2.1 add skips a member already present,
 * §3.5.2.2 remove of a non-member is a no-op; operations apply in order), in O(changed members):
 * membership is asked of the reverse index, never by scanning the group.
 */
import { freezeCopy } from './freeze.js';
import type { StoredMember } from './derived.js';
import type { MemberStep } from './member-delta.js';
import { memberValue, normaliseMember } from './members.js';
import type { MemberOptions } from './members.js';
import type { StoreState } from './state.js';
import type { StoredResource } from './types.js';

export interface MemberPlan {
  /** appended in this order */
  readonly add: StoredMember[];
  /** removed first (a member removed and added again moves to the end, as in the general path) */
  readonly remove: string[];
}

interface Status {
  present: boolean;
  /** an initial member removed at some point */
  removed: boolean;
  member?: StoredMember;
  order: number;
}

/** undefined: a case the delta does not express (a new display for a present member): use the general path */
export function planMembers(state: StoreState, group: StoredResource, steps: readonly MemberStep[], options: MemberOptions): MemberPlan | undefined {
  const initially = (value: string) => state.memberOf.has(value, group.id);
  const status = new Map<string, Status>();
  const of = (value: string): Status => {
    let s = status.get(value);
    if (!s) status.set(value, (s = { present: initially(value), removed: false, order: 0 }));
    return s;
  };
  let order = 0;
  // First the operations, as the general path applies them; the new members are checked after
  // (there, by the record build), so a request failing both ways fails with the same error.
  const given = new Map<string, { member: Readonly<Record<string, unknown>>; where: string }>();
  for (const [i, step] of steps.entries()) {
    if (step.kind === 'remove') {
      for (const value of step.values) {
        const s = of(value);
        if (!s.present) continue;
        s.present = false;
        given.delete(value);
        if (initially(value)) s.removed = true;
      }
      continue;
    }
    for (const member of step.members) {
      const value = member.value as string;
      const s = of(value);
      if (s.present) {
        // the general path merges the sub-attributes into the member there (display: immutable)
        if (typeof member.display === 'string') return undefined;
        continue;
      }
      s.present = true;
      s.order = ++order;
      given.set(value, { member, where: `operation ${i + 1}: members` });
    }
  }
  for (const [value, { member, where }] of given) {
    memberValue(member, where, options);
    status.get(value)!.member = normaliseMember(state, member as Record<string, unknown>, where, options);
  }
  const add: StoredMember[] = [];
  const remove: string[] = [];
  for (const [value, s] of status) {
    if (s.removed || (!s.present && initially(value))) remove.push(value);
    if (s.present && s.member) add.push(s.member);
  }
  add.sort((a, b) => status.get(a.value)!.order - status.get(b.value)!.order);
  return { add: add.map((m) => freezeCopy(m, 'members')), remove };
}
