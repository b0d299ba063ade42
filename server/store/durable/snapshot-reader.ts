/**
 * @module server/store/durable/snapshot-reader
 * Reads a snapshot file as a stream: a JSON object whose array members (`users`, `groups`) hold
 * one record each. JSON.parse of the whole file needs it as one string, and V8 caps a string at
 * 2^29 characters (~500k users); here each record is parsed on its own as its bytes arrive, and
 * the rest of the document (version, seq, the array brackets) is parsed as a small skeleton.
 * Any JSON layout is read (pretty-printed or one line), so older snapshots load too.
 */
import { createReadStream } from 'node:fs';

export interface StreamedDocument {
  /** the top-level object with every array emptied: `{"version":1,"seq":7,"users":[],"groups":[]}` */
  skeleton: unknown;
  /** the elements of each top-level array, parsed */
  arrays: Map<string, unknown[]>;
  bytes: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Throws an Error naming the file when the text is not JSON of that shape. */
export async function readStreamedDocument(file: string, chunkBytes = 1 << 20): Promise<StreamedDocument> {
  const arrays = new Map<string, unknown[]>();
  const skeleton: string[] = [];
  let skeletonText = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let bytes = 0;
  // the array (a depth-1 member) being read, and the element in it
  let current: unknown[] | undefined;
  let parts: Buffer[] = [];
  let elementStart = -1;
  // between elements: a comma must separate them and must be followed by one
  let separated = true;
  let ended = false;
  const startElement = (i: number): void => {
    if (!separated) throw new Error(`${file}: two array elements without a comma between them`);
    separated = false;
    elementStart = i;
  };

  const finishElement = (chunk: Buffer, end: number): void => {
    parts.push(chunk.subarray(elementStart, end));
    const text = parts.length === 1 ? parts[0]!.toString('utf8') : Buffer.concat(parts).toString('utf8');
    parts = [];
    elementStart = -1;
    ended = true;
    current!.push(JSON.parse(text));
  };

  for await (const chunk of createReadStream(file, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    let skeletonFrom = depth <= 1 && current === undefined ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          // a scalar element ends with its closing quote
          // directly in a top-level array a string is an element (inside a record, depth is 3+)
          if (current !== undefined && depth === 2 && elementStart >= 0) finishElement(chunk, i + 1);
        }
        continue;
      }
      if (c === QUOTE) {
        if (current !== undefined && depth === 2 && elementStart < 0) startElement(i);
        inString = true;
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (current !== undefined && depth === 2 && elementStart < 0) startElement(i);
        depth++;
        if (depth === 2 && current === undefined) {
          if (c !== OPEN_ARRAY) throw new Error(`${file}: expected only arrays and scalars at the top level`);
          // the skeleton keeps the bracket; the elements go to their own parse
          skeleton.push(chunk.toString('utf8', skeletonFrom, i + 1));
          skeletonText = skeleton.join('');
          const key = /"((?:[^"\\]|\\.)*)"\s*:\s*\[$/.exec(skeletonText)?.[1];
          if (key === undefined) throw new Error(`${file}: not a JSON object of arrays`);
          current = [];
          separated = true;
          ended = false;
          arrays.set(key, current);
          skeletonFrom = -1;
        }
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        depth--;
        if (depth === 2 && current !== undefined && elementStart >= 0) finishElement(chunk, i + 1);
        else if (depth === 1 && current !== undefined) {
          if (elementStart >= 0) finishElement(chunk, i);
          else if (separated && ended) throw new Error(`${file}: a comma before the end of an array`);
          current = undefined;
          skeletonFrom = i;
        }
        if (depth < 0) throw new Error(`${file}: unbalanced brackets`);
      } else if (current !== undefined && depth === 2) {
        // a number, true, false or null element ends at a comma or the closing bracket
        if (c === COMMA) {
          if (elementStart >= 0) finishElement(chunk, i);
          if (separated) throw new Error(`${file}: an empty array element`);
          separated = true;
        } else if (!isSpace(c) && elementStart < 0) startElement(i);
      }
    }
    if (skeletonFrom >= 0) skeleton.push(chunk.toString('utf8', skeletonFrom));
    if (elementStart >= 0) {
      parts.push(chunk.subarray(elementStart));
      elementStart = 0;
    }
  }
  if (inString || depth !== 0 || elementStart > 0 || parts.length > 0) throw new Error(`${file}: the snapshot ends in the middle of a value`);
  return { skeleton: JSON.parse(skeleton.join('')), arrays, bytes };
}
