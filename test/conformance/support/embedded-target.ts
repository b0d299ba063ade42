/**
 * scimulator's own server for conformance tests: memory store, random token, optional quirk profile.
 */
import { startEmbeddedTarget as start } from '../../../server/index.js';
import type { EmbeddedTarget } from '../../../server/index.js';
import { createQuirkRuntime, loadQuirkProfile } from '../../../server/quirks/index.js';

export type Target = Pick<EmbeddedTarget, 'url' | 'token' | 'close'>;

export async function startEmbeddedTarget(quirkProfile?: string): Promise<Target> {
  return start({ quirks: quirkProfile ? createQuirkRuntime(await loadQuirkProfile(quirkProfile)) : undefined });
}
