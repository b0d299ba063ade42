/**
 * @module util/fsync
 * Directory fsync. The snapshot writer and the journal fsync their own file handles before they rely
 * on the data (snapshot: the temp file, before the rename); a rename, creation or unlink only
 * survives a power cut once the directory holding it is fsynced too, which this does.
 */
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Makes renames, creations and unlinks in the file's directory durable. */
export async function syncDirectory(file: string): Promise<void> {
  const fh = await open(dirname(file), 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
