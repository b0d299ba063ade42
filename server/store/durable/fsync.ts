/**
 * @module server/store/durable/fsync
 * fsync helpers. steno (lowdb's writer) renames a temp file over the target but does not fsync;
 * the store fsyncs the renamed file and its directory itself before it relies on them.
 */
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Makes the file's data durable. */
export async function syncFile(file: string): Promise<void> {
  const fh = await open(file, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Makes renames, creations and unlinks in the file's directory durable. */
export async function syncDirectory(file: string): Promise<void> {
  const fh = await open(dirname(file), 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
