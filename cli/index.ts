#!/usr/bin/env node
/**
 * @module cli/index
 * The `scimulator` command. Each subcommand lives in cli/commands/<name>.ts and exports
 * `register(program)`; heavy modules are imported lazily inside the actions so `--help` stays fast.
 * Only this file calls process.exit.
 */
import { Command, CommanderError } from 'commander';
import { ExitError, EXIT } from './exit-error.js';
import { packageVersion } from '../util/package-root.js';
import { register as serve } from './commands/serve.js';
import { register as conformance } from './commands/conformance.js';
import { register as quirks } from './commands/quirks.js';
import { register as expr } from './commands/expr.js';
import { register as scope } from './commands/scope.js';
import { register as logs } from './commands/logs.js';
import { register as report } from './commands/report.js';
import { register as pilot } from './commands/pilot.js';
import { register as provision } from './commands/provision.js';

const program = new Command()
  .name('scimulator')
  .description('SCIM 2.0 test harness: mock SCIM target, Entra-like provisioning engine, conformance runner')
  // the package's own version, not that of whichever npm script happens to run the command
  .version(packageVersion(), '-v, --version', 'print the scimulator version')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

for (const register of [serve, conformance, quirks, expr, scope, provision, logs, report, pilot]) register(program);

// Long-running commands (serve) resolve only once they have shut down, so exiting here is safe
// and keeps idle keep-alive sockets from holding a finished command open.
let code: number = EXIT.ok;
try {
  await program.parseAsync(process.argv);
} catch (error) {
  code = exitCodeFor(error);
}
process.exit(code);

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version are "errors" to commander; they succeeded.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof ExitError) {
    if (error.message) process.stderr.write(`scimulator: ${error.message}\n`);
    return error.code;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`scimulator: internal error: ${message}\n(this is a bug; please report it with the command you ran)\n`);
  if (process.env.SCIMULATOR_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return EXIT.internal;
}
