/**
 * @module cli/commands/serve
 * `scimulator serve`: runs the mock SCIM target until SIGINT/SIGTERM, then closes the listener and
 * flushes the store. Argument parsing and output only; the server lives in server/.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { ExitError, EXIT } from '../exit-error.js';
import { integerArgument, splitBasic } from '../arguments.js';
import { quirksOption } from '../quirks-option.js';
import type { ResourceStore } from '../../server/store/types.js';

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
  journal?: string;
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
    .addOption(new Option('--port <port>', 'TCP port (0 picks a free one)').default(8080).argParser(integerArgument('--port', 0, 65535)))
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .addOption(new Option('--db <file>', 'durable store file (default .scimulator/target.db.json)').conflicts('memory'))
    .option('--memory', 'keep everything in memory (lost on exit)', false)
    .option('--token <token>', 'bearer token (default $SCIMULATOR_TOKEN, else a random one)')
    .addOption(new Option('--basic <user:pass>', 'also accept HTTP Basic with these credentials').argParser(basicCredentials))
    .option('--quirks <name|file>', 'quirk profile to turn on')
    .addOption(new Option('--seed-users <n>', 'fill an empty store with N users').argParser(integerArgument('--seed-users', 0, 10_000_000)))
    .addOption(new Option('--max-body <bytes>', 'largest request body accepted (default 5 MB)').argParser(integerArgument('--max-body', 1, 1 << 30)))
    .option('--journal <file>', 'append every request/response to this NDJSON file')
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
        journal: opts.journal as string | undefined,
        cwd: process.cwd(),
        env: process.env,
        stdout: (line) => process.stdout.write(`${line}\n`),
        stderr: (line) => process.stderr.write(`${line}\n`),
      });
    });
}

/** Runs the target; resolves once it has shut down after a signal or `options.signal`. */
export async function serve(options: ServeOptions): Promise<void> {
  const token = options.token ?? options.env.SCIMULATOR_TOKEN ?? randomBytes(24).toString('base64url');
  if (token.length === 0) throw new ExitError(EXIT.usage, '--token must not be empty');
  const [{ startServer }, stores] = await Promise.all([import('../../server/index.js'), import('../../server/store/index.js')]);

  const dbFile = options.memory ? undefined : resolve(options.cwd, options.db ?? '.scimulator/target.db.json');
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
      journal,
      log: options.stderr,
      store: async (baseUrl, rules) => {
        if (!dbFile) return stores.createMemoryStore({ baseUrl, caseExactUserName: rules.caseExactUserName });
        mkdirSync(dirname(dbFile), { recursive: true });
        return stores.createDurableStore({ file: dbFile, baseUrl, caseExactUserName: rules.caseExactUserName });
      },
      prepare: async (store: ResourceStore) => {
        if (options.seedUsers && store.count('User') === 0) {
          const { seedUsers } = await import('../../server/seed/index.js');
          const started = performance.now();
          await seedUsers(store, options.seedUsers);
          options.stdout(`seeded ${options.seedUsers} users in ${(performance.now() - started).toFixed(0)} ms`);
        }
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
  options.stdout(`token: ${token}`);
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
