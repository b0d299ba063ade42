/**
 * @module util/package-root
 * Finds files shipped with the package (fixtures/) from source (tsx) and from dist/ alike:
 * the two sit at different depths below the package root.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'scimulator') return (cached = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new TypeError('scimulator package root not found');
    dir = parent;
  }
}

/** Absolute path of a file shipped under fixtures/. */
export function fixturePath(...segments: string[]): string {
  return resolve(packageRoot(), 'fixtures', ...segments);
}

let version: string | undefined;

/** The version in scimulator's own package.json (not that of whatever npm script runs it). */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
