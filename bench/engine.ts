/**
 * @module bench/engine
 * The provisioning engine's throughput, beside the target's own rate for the same request mix.
 * For each directory size: an initial cycle of N users (scope all, one match GET and one POST per
 * user) into a fresh mock target in a child process — objects/s, requests/s, engine RSS — then the
 * same mix (GET ?filter=userName eq, POST /Users) sent by autocannon at the same concurrency into
 * another fresh target (the reference: the engine should reach ≥ 80 % of it), then an incremental
 * cycle after 100 changed users, re-reading the directory file (requests sent, wall seconds).
 *
 *   node dist/bench/engine.js [--users 10000,100000] [--changes 100] [--concurrency 4] [--json FILE]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { integerArgument } from '../cli/arguments.js';
import { nodeArgs, startChild } from './child.js';
import type { Child } from './child.js';
import { openJob } from '../engine/index.js';
import type { Directory, DirectoryUser } from '../engine/source/types.js';

interface Args {
  users: number[];
  changes: number;
  concurrency: number;
  json?: string;
}

/** commander, like the CLI and bench/index, so `--help` prints usage and a bad value is one line. */
function parseArgs(argv: string[]): Args {
  const program = new Command()
    .name('node dist/bench/engine.js')
    .description("the engine's initial and incremental cycles against a mock target, beside autocannon sending the same mix")
    .addOption(new Option('--users <list>', 'comma-separated directory sizes').default('10000,100000'))
    .addOption(new Option('--changes <n>', 'users changed before the incremental cycle').default(100).argParser(integerArgument('--changes', 1, 1_000_000)))
    .addOption(new Option('--concurrency <n>', "the job's concurrency (requests in flight)").default(4).argParser(integerArgument('--concurrency', 1, 64)))
    .option('--json <file>', 'also write the results as JSON to this file')
    .exitOverride()
    .parse(argv, { from: 'user' });
  const opts = program.opts<{ users: string; changes: number; concurrency: number; json?: string }>();
  const parse = integerArgument('--users', 1, 10_000_000);
  return { users: opts.users.split(',').map((v) => parse(v.trim())), changes: opts.changes, concurrency: opts.concurrency, ...(opts.json ? { json: opts.json } : {}) };
}

function directoryOf(n: number, changedTitle?: { count: number }): Directory {
  const users: DirectoryUser[] = [];
  for (let i = 0; i < n; i++) {
    const id = `u-${i.toString().padStart(7, '0')}`;
    users.push({
      id,
      userPrincipalName: `user${i}@bench.example.com`,
      mail: `user${i}@bench.example.com`,
      mailNickname: `user${i}`,
      givenName: `Given${i}`,
      surname: `Surname${i}`,
      displayName: `Given${i} Surname${i}`,
      accountEnabled: true,
      department: `Dept ${i % 20}`,
      jobTitle: changedTitle && i < changedTitle.count ? 'Changed Title' : `Title ${i % 50}`,
      employeeId: `E${i}`,
    });
  }
  return { users, groups: [], appRoles: [], appRoleAssignments: [] };
}

async function target(token: string): Promise<Child> {
  return startChild([...nodeArgs('cli/index'), 'serve', '--memory', '--port', '0', '--token', token]);
}

interface Row {
  users: number;
  initialSeconds: number;
  objectsPerSecond: number;
  engineRequestsPerSecond: number;
  loadGeneratorRequestsPerSecond: number;
  ratio: number;
  engineRssMb: number;
  incrementalRequests: number;
  incrementalWrites: number;
  incrementalSeconds: number;
}

async function measure(n: number, args: Args): Promise<Row> {
  const token = randomBytes(16).toString('hex');
  const work = mkdtempSync(join(tmpdir(), 'scimulator-bench-engine-'));
  const file = join(work, 'directory.json');
  writeFileSync(file, JSON.stringify(directoryOf(n)));
  const engineTarget = await target(token);
  try {
    const config = {
      name: 'bench',
      source: { path: file },
      target: { url: engineTarget.url, auth: { type: 'bearer' as const, token } },
      scope: 'all' as const,
      provisionGroups: false,
      concurrency: args.concurrency,
    };
    const job = await openJob(config, { stateDir: join(work, 'state') });
    const started = performance.now();
    const initial = await job.run({ cycle: 'initial' });
    const initialSeconds = (performance.now() - started) / 1000;
    if (initial.state !== 'Succeeded') throw new Error(`initial cycle ${initial.state}: ${JSON.stringify(initial.error ?? initial.counts)}`);
    const engineRssMb = process.memoryUsage().rss / 1048576;
    writeFileSync(file, JSON.stringify(directoryOf(n, { count: args.changes })));
    const incStarted = performance.now();
    const incremental = await job.run({ cycle: 'auto' });
    const incrementalSeconds = (performance.now() - incStarted) / 1000;
    await job.close();

    // the same number of users as the engine's cycle, so both targets grow to the same size
    const reference = await loadGenerator(token, n, args.concurrency);
    const engineRequestsPerSecond = initial.requests.total / initialSeconds;
    return {
      users: n,
      initialSeconds,
      objectsPerSecond: n / initialSeconds,
      engineRequestsPerSecond,
      loadGeneratorRequestsPerSecond: reference,
      ratio: engineRequestsPerSecond / reference,
      engineRssMb,
      incrementalRequests: incremental.requests.total,
      incrementalWrites: incremental.requests.writes,
      incrementalSeconds,
    };
  } finally {
    engineTarget.process.kill();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The engine's request mix (a match GET, then a POST) from autocannon into a fresh target. */
async function loadGenerator(token: string, users: number, connections: number): Promise<number> {
  const child = await target(token);
  try {
    const { host, pathname } = new URL(child.url);
    let i = 0;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };
    const started = performance.now();
    const result = await autocannon({
      url: `http://${host}`,
      connections,
      amount: users * 2,
      requests: [
        {
          method: 'GET',
          headers,
          setupRequest: (r) => ({ ...r, path: `${pathname}/Users?filter=${encodeURIComponent(`userName eq "lg${i}@bench.example.com"`)}` }),
        },
        {
          method: 'POST',
          headers,
          path: `${pathname}/Users`,
          setupRequest: (r) => {
            const n = i++;
            return {
              ...r,
              body: JSON.stringify({
                schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
                userName: `lg${n}@bench.example.com`, active: true, displayName: `Given${n} Surname${n}`, externalId: `user${n}`, title: `Title ${n % 50}`,
                emails: [{ type: 'work', primary: true, value: `lg${n}@bench.example.com` }],
                name: { givenName: `Given${n}`, familyName: `Surname${n}`, formatted: `Given${n} Surname${n}` },
                'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { employeeNumber: `E${n}`, department: `Dept ${n % 20}` },
                meta: { resourceType: 'User' }, roles: [],
              }),
            };
          },
        },
      ],
    });
    // autocannon's own duration is whole seconds: time it here
    return result.requests.total / ((performance.now() - started) / 1000);
  } finally {
    child.process.kill();
  }
}

let args: Args;
try {
  args = parseArgs(process.argv.slice(2));
} catch (error) {
  // thrown by our own --users parsing (commander has printed its own errors already)
  if (error instanceof InvalidArgumentError && error.code === 'commander.invalidArgument' && !process.exitCode) {
    process.stderr.write(`bench/engine: ${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof CommanderError) process.exit(error.code === 'commander.helpDisplayed' || error.code === 'commander.help' ? 0 : 2);
  throw error;
}
const rows: Row[] = [];
for (const n of args.users) rows.push(await measure(n, args));
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`;
process.stdout.write(`engine bench (${machine}), concurrency ${args.concurrency}\n\n`);
process.stdout.write('| users | initial s | objects/s | engine req/s | load generator req/s | engine / generator | engine RSS MB | incremental (changes) requests / writes | incremental s |\n|---|---|---|---|---|---|---|---|---|\n');
for (const r of rows) {
  process.stdout.write(`| ${r.users} | ${r.initialSeconds.toFixed(1)} | ${r.objectsPerSecond.toFixed(0)} | ${r.engineRequestsPerSecond.toFixed(0)} | ${r.loadGeneratorRequestsPerSecond.toFixed(0)} | ${(r.ratio * 100).toFixed(0)} % | ${r.engineRssMb.toFixed(0)} | ${r.incrementalRequests} / ${r.incrementalWrites} (${args.changes}) | ${r.incrementalSeconds.toFixed(2)} |\n`);
}
if (args.json) writeFileSync(args.json, JSON.stringify({ machine, rows }, null, 2));
