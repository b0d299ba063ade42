/**
 * @module cli/commands/serve
 * `scimulator serve`: runs the mock SCIM target until SIGINT/SIGTERM, then closes the listener and
 * flushes the store. Argument parsing and output only; the server lives in server/.
 */
import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { ExitError, EXIT } from '../exit-error.js';
import { integerArgument, splitBasic, writableFile } from '../arguments.js';
import { quirksOption } from '../quirks-option.js';
import type { ResourceStore } from '../../server/store/types.js';
import type { RequestLogEntry } from '../../server/app.js';
import type { ScimResource } from '../../scim/types.js';

/** `GET /scim/v2/Users 200 3.1 ms [rateLimit]` */
export function requestLine(e: RequestLogEntry): string {
  return `${e.method} ${e.path} ${e.status} ${e.durationMs.toFixed(1)} ms${e.quirk ? ` [${e.quirk}]` : ''}`;
}

export interface ServeOptions {
  port: number;
  host: string;
  /** durable store file; ignored with memory */
  db?: string;
  memory: boolean;
  token?: string;
  basic?: { user: string; pass: string };
  quirks?: string;
  seedUsers?: number;
  maxBody?: number;
  /** a file the journal is appended to as well; false: no journal at all */
  journal?: string | false;
  /** the URL clients reach the server at: Location headers and meta.location use it */
  publicUrl?: string;
  /** no per-request log line */
  quiet?: boolean;
  /** a terminal is watching stderr: log each request */
  logRequests?: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** resolves the command when aborted (tests); SIGINT/SIGTERM do the same from a terminal */
  signal?: AbortSignal;
  /** called once the server accepts requests */
  onListening?: (info: { url: string; token: string }) => void;
}

/** A target's Basic credentials need a password too. */
function basicCredentials(raw: string): { user: string; pass: string } {
  const credentials = splitBasic(raw);
  if (!credentials || credentials.pass === '') throw new InvalidArgumentError('expected USER:PASS');
  return credentials;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('run the mock SCIM 2.0 target (base path /scim/v2)')
    .addOption(new Option('--port <port>', 'TCP port (0 picks a free one)').default(8080).argParser(integerArgument('--port', 0, 65535)).env('SCIMULATOR_PORT'))
    .addOption(new Option('--host <host>', 'interface to listen on').default('127.0.0.1').env('SCIMULATOR_HOST'))
    .addOption(new Option('--public-url <url>', 'the URL clients use (behind a proxy or in a container), for Location headers').env('SCIMULATOR_PUBLIC_URL'))
    .addOption(new Option('--db <file>', 'durable store file (default .scimulator/target.db.json)').conflicts('memory').env('SCIMULATOR_DB'))
    .addOption(new Option('--memory', 'keep everything in memory (lost on exit)').env('SCIMULATOR_MEMORY'))
    .addOption(new Option('--token <token>', 'bearer token (default: a random one, printed)').env('SCIMULATOR_TOKEN'))
    .addOption(new Option('--basic <user:pass>', 'also accept HTTP Basic with these credentials').argParser(basicCredentials).env('SCIMULATOR_BASIC'))
    .addOption(new Option('--quirks <name|file>', 'quirk profile to turn on').env('SCIMULATOR_QUIRKS'))
    .addOption(new Option('--seed-users <n>', 'fill an empty store with N users').argParser(integerArgument('--seed-users', 0, 10_000_000)).env('SCIMULATOR_SEED_USERS'))
    .addOption(new Option('--max-body <bytes>', 'largest request body accepted (default 5 MB)').argParser(integerArgument('--max-body', 1, 1 << 30)).env('SCIMULATOR_MAX_BODY'))
    .addOption(new Option('--journal <file>', 'append every request/response to this NDJSON file').env('SCIMULATOR_JOURNAL'))
    .addOption(new Option('--no-journal', 'keep no request journal (it is on by default, in memory: GET /_admin/requests)'))
    .addOption(new Option('--quiet', 'no per-request log line on the terminal').env('SCIMULATOR_QUIET'))
    .action(async (opts: Record<string, unknown>) => {
      await serve({
        port: opts.port as number,
        host: opts.host as string,
        db: opts.db as string | undefined,
        memory: Boolean(opts.memory),
        token: opts.token as string | undefined,
        basic: opts.basic as ServeOptions['basic'],
        quirks: opts.quirks as string | undefined,
        seedUsers: opts.seedUsers as number | undefined,
        maxBody: opts.maxBody as number | undefined,
        journal: opts.journal as string | false | undefined,
        publicUrl: opts.publicUrl as string | undefined,
        quiet: Boolean(opts.quiet),
        logRequests: Boolean(process.stderr.isTTY),
        cwd: process.cwd(),
        env: process.env,
        stdout: (line) => process.stdout.write(`${line}\n`),
        stderr: (line) => process.stderr.write(`${line}\n`),
      });
    });
}

/** Runs the target; resolves once it has shut down after a signal or `options.signal`. */
export async function serve(options: ServeOptions): Promise<void> {
  // A V8 heuristic, not a leak: node's HTTP path promotes ~3 MB of short-lived objects per
  // scavenge under load (a bare express route does the same), and V8 lets the old generation grow
  // to up to 4x the live heap before it marks. A bare route's live heap is a few MB; a target
  // holding 100k users lives at ~165 MB, so that garbage pushed RSS to ~780 MB. A growing factor
  // of 1.5 collects it early: 100k users under 40,000 filter requests and 3,000 100-user list
  // pages peaked at 349 MB (1.75: 382-388 MB), and the server's CPU for the same work was within
  // the machine's run-to-run spread (15.3-18.2 s against 15.4-24.7 s, three runs each) (issue 11).
  setFlagsFromString('--heap-growing-percent=50');
  const given = options.token ?? options.env.SCIMULATOR_TOKEN;
  const generated = given === undefined;
  const token = given ?? randomBytes(24).toString('base64url');
  if (token.length === 0) throw new ExitError(EXIT.usage, '--token must not be empty');
  const [{ startServer }, stores] = await Promise.all([import('../../server/index.js'), import('../../server/store/index.js')]);

  const dbFile = options.memory ? undefined : resolve(options.cwd, options.db ?? '.scimulator/target.db.json');
  // user mistakes are one line and exit 2, found before anything starts
  if (dbFile && existsSync(dbFile) && statSync(dbFile).isDirectory()) {
    throw new ExitError(EXIT.usage, `--db ${options.db ?? dbFile}: is a folder; give a file, e.g. ${join(options.db ?? dbFile, 'target.db.json')}`);
  }
  if (options.journal) writableFile(resolve(options.cwd, options.journal), `--journal ${options.journal}`);
  if (options.publicUrl !== undefined && !/^https?:\/\/[^/]/i.test(options.publicUrl)) throw new ExitError(EXIT.usage, `--public-url ${options.publicUrl}: not an http(s) URL`);
  const quirks = await quirksOption(options.quirks);
  let journal;
  if (options.journal) {
    const { createRequestJournal } = await import('../../server/journal/index.js');
    journal = createRequestJournal({ file: resolve(options.cwd, options.journal) });
  }

  let server;
  try {
    server = await startServer({
      host: options.host,
      port: options.port,
      auth: { bearer: [token], basic: options.basic ? [options.basic] : undefined },
      maxBodyBytes: options.maxBody,
      quirks,
      journal: options.journal === false ? false : journal,
      log: options.stderr,
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      ...(options.logRequests && !options.quiet ? { onRequest: (e: RequestLogEntry) => options.stderr(requestLine(e)) } : {}),
      store: async (baseUrl, rules) => {
        if (!dbFile) return stores.createMemoryStore({ baseUrl, caseExactUserName: rules.caseExactUserName });
        try {
          mkdirSync(dirname(dbFile), { recursive: true });
          return await stores.createDurableStore({ file: dbFile, baseUrl, caseExactUserName: rules.caseExactUserName });
        } catch (error) {
          if (error instanceof stores.StoreLockedError) throw error;
          // a corrupt or unreadable store file is the user's to fix: say which file and what is wrong
          const message = (error as Error).message;
          throw new ExitError(EXIT.usage, `--db: cannot open the store: ${message.includes(dbFile) ? message : `${dbFile}: ${message}`}`);
        }
      },
      prepare: async (store: ResourceStore) => {
        if (!options.seedUsers) return;
        const existing = store.count('User');
        if (existing > 0) {
          options.stdout(`--seed-users ${options.seedUsers}: skipped, the store already holds ${existing} users (seeding fills only an empty store)`);
          return;
        }
        const { seedUsers } = await import('../../server/seed/index.js');
        const started = performance.now();
        let refused = 0;
        // seeded users are stored as a request would store them: the active quirks apply (truncate, userNameFormat, …)
        const transform = quirks
          ? (resource: ScimResource) => {
              try {
                return quirks.beforeWrite({ resourceType: 'User', operation: 'create', resource, store });
              } catch {
                refused++;
                return undefined;
              }
            }
          : undefined;
        const result = await seedUsers(store, options.seedUsers, transform ? { transform } : {});
        options.stdout(`seeded ${result.users} users in ${(performance.now() - started).toFixed(0)} ms${refused ? ` (${refused} refused by the quirks)` : ''}`);
      },
    });
  } catch (error) {
    await journal?.close();
    // a second serve on the same --db: one line naming the holder, exit 2
    if (error instanceof stores.StoreLockedError) throw new ExitError(EXIT.usage, error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new ExitError(EXIT.usage, `cannot listen on ${options.host}:${options.port}: ${code}`);
    }
    throw error;
  }

  if (quirks) options.stdout(`quirks: ${quirks.active.length ? quirks.active.join(', ') : '(none active)'}`);
  options.stdout(`store: ${dbFile ?? 'memory'} (${server.store.count('User')} users, ${server.store.count('Group')} groups)`);
  // a token the user chose is theirs already; only a generated one is worth printing
  options.stdout(generated ? `token: ${token}` : 'token: the one given (--token or $SCIMULATOR_TOKEN), not shown');
  options.stdout(`listening on ${server.url}`);
  options.onListening?.({ url: server.url, token });

  await waitForStop(options.signal);
  await server.close();
}

/** Resolves on SIGINT, SIGTERM or abort, and removes its signal handlers afterwards. */
async function waitForStop(signal: AbortSignal | undefined): Promise<void> {
  let stop = (): void => undefined;
  const stopped = new Promise<void>((done) => (stop = done));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  signal?.addEventListener('abort', stop, { once: true });
  if (signal?.aborted) stop();
  await stopped;
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  signal?.removeEventListener('abort', stop);
}
