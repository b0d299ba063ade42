/**
 * @module server/embedded
 * A throw-away target for in-process use (conformance --embedded, tests, the pilot's scenarios):
 * 127.0.0.1 on a free port, a memory store, a random bearer token, a quirk profile (by name, as an
 * object, or a runtime already built), the request journal, and one injected clock shared by the
 * store, the journal and the quirks (rate-limit windows, Retry-After) so a manual clock drives all.
 */
import { randomBytes } from 'node:crypto';
import { startServer } from './start.js';
import { createMemoryStore } from './store/index.js';
import type { ResourceStore } from './store/index.js';
import { createRequestJournal } from './journal/index.js';
import { createQuirkRuntime, loadQuirkProfile, validateQuirkProfile } from './quirks/index.js';
import type { JournalEntry, QuirkProfile, QuirkRuntime } from './quirks/index.js';
import type { Clock } from '../util/clock.js';
import { ConfigValidationError } from '../util/config-error.js';

export interface EmbeddedTargetOptions {
  /** a bundled profile name (fixtures/quirks/NAME.json) or file, a profile, or a built runtime */
  quirks?: string | QuirkProfile | QuirkRuntime;
  clock?: Clock;
  /** the request journal: on by default (1000 entries); a number sets how many entries it keeps */
  journal?: boolean | number;
  /** the bearer token (default: random) */
  token?: string;
}

export interface EmbeddedTarget {
  /** the SCIM base URL, http://127.0.0.1:PORT/scim/v2 */
  readonly url: string;
  /** the admin API, http://127.0.0.1:PORT/_admin */
  readonly adminUrl: string;
  readonly token: string;
  readonly store: ResourceStore;
  /** swaps the quirk profile in force (null: none); every behaviour it names follows at once */
  setQuirks(profile: string | QuirkProfile | null): Promise<void>;
  /** the journal's entries, oldest first ([] when the journal is off); `since` is a seq cursor */
  requests(options?: { since?: number }): JournalEntry[];
  close(): Promise<void>;
}

const DEFAULT_JOURNAL_SIZE = 1000;
/** what PUT /_admin/quirks is given to turn every quirk off */
const NO_QUIRKS: QuirkProfile = { description: 'No quirks: the target follows RFC 7643/7644 as written.' };

export async function startEmbeddedTarget(options: EmbeddedTargetOptions = {}): Promise<EmbeddedTarget> {
  const clock = options.clock;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const quirks = await runtimeOf(options.quirks, clock);
  const capacity = options.journal === false ? 0 : typeof options.journal === 'number' ? options.journal : DEFAULT_JOURNAL_SIZE;
  const journal = capacity > 0 ? createRequestJournal({ capacity, clock }) : undefined;
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    auth: { bearer: [token] },
    quirks,
    journal,
    clock,
    // the rule is asked of the quirks in force at each write, not fixed here (see server/start)
    store: (baseUrl, rules) => createMemoryStore({ baseUrl, clock, caseExactUserName: rules.caseExactUserName }),
  });
  const origin = new URL(server.url).origin;
  const adminUrl = `${origin}/_admin`;
  return {
    url: server.url,
    adminUrl,
    token,
    store: server.store,
    // One way to swap profiles: the admin API, which validates the profile and builds its runtime
    // on the target's clock, so a swap from code and one over HTTP cannot behave differently.
    async setQuirks(profile) {
      const body = profile === null ? NO_QUIRKS : typeof profile === 'string' ? await loadQuirkProfile(profile) : profile;
      const res = await fetch(`${adminUrl}/quirks`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`the target refused the quirk profile: ${res.status} ${await res.text()}`);
      await res.arrayBuffer().catch(() => undefined);
    },
    requests: ({ since } = {}) => journal?.list({ limit: capacity, since }) ?? [],
    close: () => server.close(),
  };
}

async function runtimeOf(quirks: EmbeddedTargetOptions['quirks'], clock: Clock | undefined): Promise<QuirkRuntime | undefined> {
  if (quirks === undefined) return undefined;
  if (typeof quirks === 'string') return createQuirkRuntime(await loadQuirkProfile(quirks), { clock });
  if (isRuntime(quirks)) return quirks;
  // validated like a profile read from a file: an object from a plan gets the same checks
  const checked = validateQuirkProfile(quirks);
  if (!checked.ok) throw new ConfigValidationError('quirk profile', checked.errors);
  return createQuirkRuntime(checked.profile, { clock });
}

function isRuntime(value: QuirkProfile | QuirkRuntime): value is QuirkRuntime {
  return typeof (value as QuirkRuntime).gate === 'function';
}
