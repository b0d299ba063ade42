/**
 * @module cli/commands/scope
 * `scimulator scope 'FILTER_JSON' --source '{…}'`: evaluates an Entra scoping filter in the Graph
 * `filter` shape (ENTRA-SPEC §5.1, §5.6) against a source object and prints `true` or `false`.
 * Bad input exits 1 with one line.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import { ExitError, EXIT } from '../exit-error.js';
import { readSource } from './expr.js';

export interface ScopeOptions {
  filter: string;
  source?: string;
  sourceFile?: string;
  /** REGEX MATCH anywhere in the value instead of the whole value */
  unanchoredRegex: boolean;
  ampersand?: 'substring' | 'bitflag';
  cwd: string;
  stdout: (line: string) => void;
}

export function register(program: Command): void {
  program
    .command('scope')
    .description('evaluate an Entra scoping filter (Graph filter JSON) against a source object')
    .argument('<filter>', 'the filter, e.g. \'{"groups":[{"clauses":[{"sourceOperandName":"department","operatorName":"EQUALS","targetOperand":{"values":["Sales"]}}]}]}\'')
    .option('--source <json>', 'the source object (Microsoft Graph attribute names)')
    .addOption(new Option('--source-file <file>', 'read the source object from a JSON file').conflicts('source'))
    .option('--unanchored-regex', 'REGEX MATCH matches anywhere in the value (default: the whole value)', false)
    .addOption(new Option('--ampersand <mode>', 'meaning of the & and !& operators').choices(['substring', 'bitflag']))
    .addHelpText('after', '\nPrints true (in scope) or false. Exit status 1 on bad JSON or an invalid filter.')
    .action(async (filter: string, opts: Record<string, unknown>) => {
      await scope({
        filter,
        source: opts.source as string | undefined,
        sourceFile: opts.sourceFile as string | undefined,
        unanchoredRegex: Boolean(opts.unanchoredRegex),
        ampersand: opts.ampersand as ScopeOptions['ampersand'],
        cwd: process.cwd(),
        stdout: (line) => process.stdout.write(`${line}\n`),
      });
    });
}

export async function scope(options: ScopeOptions): Promise<boolean> {
  const source = readSource(options);
  let json: unknown;
  try {
    json = JSON.parse(options.filter);
  } catch (error) {
    throw new ExitError(EXIT.failed, `filter: invalid JSON: ${(error as Error).message}`);
  }
  const { matchesFilter, filterProblems } = await import('../../engine/scoping/index.js');
  const problems = filterProblems(json, 'filter');
  if (problems.length > 0) throw new ExitError(EXIT.failed, problems.join('; '));
  const inScope = matchesFilter(source, json as Parameters<typeof matchesFilter>[1], {
    regexScopeAnchored: !options.unanchoredRegex,
    ampersandMode: options.ampersand,
  });
  options.stdout(String(inScope));
  return inScope;
}
