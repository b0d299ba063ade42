/**
 * @module server/store/durable/journal-format
 * The journal's line format and its reader. One line per mutation:
 * `{"s":<seq>,"c":[<change>…]}`; a mutation too big for one line (createMany) is written as
 * parts `{"s":<seq>,"p":1,"c":[…]}` closed by a line without `p`, all in one append. A mutation
 * counts only once its closing line is read, so a crash in the middle of an append (a torn last
 * line, or parts without their close) loses only what was never acknowledged.
 */
import type { Change } from '../resource-store.js';

export interface JournalLine {
  s: number;
  p?: 1;
  c: Change[];
}

/** Largest number of changes per line (keeps lines, and the strings built for them, small). */
export const CHANGES_PER_LINE = 1000;

export function formatMutation(seq: number, changes: readonly Change[]): string {
  if (changes.length <= CHANGES_PER_LINE) return `${JSON.stringify({ s: seq, c: changes })}\n`;
  const lines: string[] = [];
  for (let i = 0; i < changes.length; i += CHANGES_PER_LINE) {
    const last = i + CHANGES_PER_LINE >= changes.length;
    const line: JournalLine = last ? { s: seq, c: changes.slice(i, i + CHANGES_PER_LINE) } : { s: seq, p: 1, c: changes.slice(i, i + CHANGES_PER_LINE) };
    lines.push(JSON.stringify(line));
  }
  return `${lines.join('\n')}\n`;
}

export interface ParsedJournal {
  /** complete mutations in file order */
  mutations: { seq: number; changes: Change[] }[];
  /** bytes up to the end of the last complete mutation: everything after is a torn tail */
  validBytes: number;
  /** complete lines kept */
  lines: number;
}

/**
 * Reads a journal. A line that does not parse is a torn tail when nothing valid follows it;
 * a bad line followed by valid ones is corruption, which is reported rather than skipped.
 */
export function parseJournal(buffer: Buffer, name: string): ParsedJournal {
  const mutations: ParsedJournal['mutations'] = [];
  let open: { seq: number; changes: Change[] } | undefined;
  let validBytes = 0;
  let lines = 0;
  let offset = 0;
  let badAt: number | undefined;
  let lineNo = 0;
  while (offset < buffer.length) {
    const nl = buffer.indexOf(0x0a, offset);
    const end = nl < 0 ? buffer.length : nl + 1;
    lineNo++;
    const line = nl < 0 ? undefined : parseLine(buffer.toString('utf8', offset, nl));
    if (line === undefined) {
      badAt ??= lineNo;
    } else if (badAt !== undefined) {
      throw new Error(`${name}: line ${badAt} is corrupt but valid lines follow it; refusing to guess`);
    } else if (open && open.seq !== line.s) {
      throw new Error(`${name}: line ${lineNo} starts mutation ${line.s} before mutation ${open.seq} was closed`);
    } else {
      open ??= { seq: line.s, changes: [] };
      for (const change of line.c) open.changes.push(change);
      if (line.p !== 1) {
        mutations.push(open);
        open = undefined;
        validBytes = end;
        lines = lineNo;
      }
    }
    offset = end;
  }
  return { mutations, validBytes, lines };
}

function parseLine(text: string): JournalLine | undefined {
  try {
    const line = JSON.parse(text) as JournalLine;
    if (line === null || typeof line !== 'object' || !Number.isSafeInteger(line.s) || !Array.isArray(line.c)) return undefined;
    return line;
  } catch {
    return undefined;
  }
}
