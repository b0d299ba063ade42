/**
 * @module engine/logs/jsonl
 * JSON-lines files as the log store and the cycle summaries keep them: read one line at a time (a
 * file is never held whole), a torn last line left by a process killed mid-write ignored, and the
 * file rewritten atomically (temporary file + rename) when lines must go.
 */
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/** A line in the middle of a file that is not JSON: the file was damaged, not merely cut short. */
export class JsonLinesError extends Error {
  override readonly name = 'JsonLinesError';
  constructor(
    readonly file: string,
    readonly line: number,
  ) {
    super(`${file}: line ${line} is not a JSON object`);
  }
}

/**
 * Each line's parsed object, in file order. A missing file has no lines. An unparseable last line
 * is a write cut short and is skipped; an unparseable line with lines after it throws JsonLinesError.
 */
export async function* readJsonLines(file: string): AsyncGenerator<Record<string, unknown>> {
  let input;
  try {
    input = createReadStream(file, { encoding: 'utf8' });
    await new Promise<void>((resolve, reject) => {
      input!.once('open', () => resolve());
      input!.once('error', reject);
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const lines = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  // The line that did not parse, held until we know whether another line follows it.
  let badLine = 0;
  try {
    for await (const line of lines) {
      number += 1;
      if (line.trim() === '') continue;
      if (badLine) throw new JsonLinesError(file, badLine);
      const value = parseObject(line);
      if (value === undefined) badLine = number;
      else yield value;
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

function parseObject(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Cuts a torn last line (no newline after it) off the file, so that the next append starts a line
 * of its own instead of being glued to the fragment. Only the file's single writer may do this.
 */
export async function trimTornTail(file: string): Promise<void> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (size === 0) return;
  const handle = await open(file, 'r+');
  try {
    const chunk = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const newline = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (newline >= 0) {
        const keep = start + newline + 1;
        if (keep < size) await handle.truncate(keep);
        return;
      }
      end = start;
    }
    await handle.truncate(0);
  } finally {
    await handle.close();
  }
}

/** Rewrites `file` with only the lines `keep` accepts: written beside it, then renamed over it. */
export async function rewriteJsonLines(file: string, keep: (value: Record<string, unknown>) => boolean): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const out = await open(tmp, 'w');
  try {
    let buffered: string[] = [];
    for await (const value of readJsonLines(file)) {
      if (!keep(value)) continue;
      buffered.push(JSON.stringify(value));
      if (buffered.length >= 1000) {
        await out.write(`${buffered.join('\n')}\n`);
        buffered = [];
      }
    }
    if (buffered.length > 0) await out.write(`${buffered.join('\n')}\n`);
    await out.sync();
    await out.close();
    await rename(tmp, file);
  } catch (error) {
    await out.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw error;
  }
}
