/**
 * @module cli/commands/scope
 * `scimulator scope 'FILTER_JSON' --source '{…}'`: evaluates an Entra scoping filter in the Graph
 * `filter` shape (ENTRA-SPEC §5.1, §5.6) against a source object and prints `true` or `false`, both
 * successful answers (exit 0); `--explain` adds which group or clause decided. Bad input (bad JSON,
 * an invalid filter) exits 2 with a caret under the offending value.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import { ExitError, EXIT } from '../exit-error.js';
import { addSourceOptions, parseJson, pointAt, readSource } from './expr.js';
import type { SourceInput } from './expr.js';
import type { ClauseOutcome, FilterExplanation, GroupOutcome } from '../../engine/scoping/explain.js';

export interface ScopeOptions extends SourceInput {
  filter: string;
  /** REGEX MATCH anywhere in the value instead of the whole value */
  unanchoredRegex: boolean;
  ampersand?: 'substring' | 'bitflag';
  /** after true/false, say which group passed or, for each group, the first clause that failed */
  explain?: boolean;
  stdout: (line: string) => void;
}

const EXAMPLE_FILTER = '{"groups":[{"name":"Sales","clauses":[{"sourceOperandName":"department","operatorName":"EQUALS","targetOperand":{"values":["Sales"]}}]}]}';

export function register(program: Command): void {
  const command = program
    .command('scope')
    .description('evaluate an Entra scoping filter (Graph filter JSON) against a source object')
    .argument('<filter>', `the filter, e.g. '${EXAMPLE_FILTER}'`);
  addSourceOptions(command)
    .option('--explain', 'say which group passed, or for each group the first clause that failed and the value it saw', false)
    .option('--unanchored-regex', 'REGEX MATCH matches anywhere in the value (default: the whole value)', false)
    .addOption(new Option('--ampersand <mode>', 'meaning of the & and !& operators').choices(['substring', 'bitflag']))
    .addHelpText(
      'after',
      `
Groups are ORed, the clauses of a group ANDed; null or no groups lets everything through.

Examples:
  scimulator scope '${EXAMPLE_FILTER}' --source '{"department":"Sales"}'
  scimulator scope "$(cat filter.json)" --source-file user.json --explain
  curl -s "$GRAPH/users/$ID" | scimulator scope "$(cat filter.json)" --source-file - --explain

  $ scimulator scope '${EXAMPLE_FILTER}' --source '{"department":"sales"}' --explain
  false
  out of scope: no group passed
    group "Sales" (groups.0): clause 0 failed: department EQUALS "Sales", but department is "sales"

Prints true (in scope) or false (out of scope); both are answers, exit status 0.
Exit status 2 on bad input (bad JSON, an unreadable --source-file, an invalid filter), with a
caret under the offending value.`,
    )
    .action(async (filter: string, opts: Record<string, unknown>) => {
      await scope({
        filter,
        source: opts.source as string | undefined,
        sourceFile: opts.sourceFile as string | undefined,
        unanchoredRegex: Boolean(opts.unanchoredRegex),
        ampersand: opts.ampersand as ScopeOptions['ampersand'],
        explain: Boolean(opts.explain),
        cwd: process.cwd(),
        stdout: (line) => process.stdout.write(`${line}\n`),
        stderr: (line) => process.stderr.write(`${line}\n`),
      });
    });
}

export async function scope(options: ScopeOptions): Promise<boolean> {
  const source = await readSource(options);
  const json = parseJson(options.filter, 'filter', options.stderr);
  const { filterProblems } = await import('../../engine/scoping/validate.js');
  const { explainFilter } = await import('../../engine/scoping/explain.js');
  const { offsetOfPath, splitProblem } = await import('../../engine/scoping/locate.js');
  const problems = filterProblems(json, 'filter');
  if (problems.length > 0) {
    // each problem under its value; the last line says how many when there are several
    for (const problem of problems) {
      pointAt(options.filter, offsetOfPath(options.filter, splitProblem(problem, 'filter').path), options.stderr);
      if (problems.length > 1) options.stderr(problem);
    }
    throw new ExitError(EXIT.usage, problems.length === 1 ? problems[0] : `${problems.length} problems in the filter`);
  }
  const explanation = explainFilter(source, json as Parameters<typeof explainFilter>[1], {
    regexScopeAnchored: !options.unanchoredRegex,
    ampersandMode: options.ampersand,
  });
  options.stdout(String(explanation.inScope));
  if (options.explain) for (const line of explanationLines(explanation)) options.stdout(line);
  return explanation.inScope;
}

/** The explanation for a person: the deciding group, or each group's first failing clause. */
export function explanationLines(explanation: FilterExplanation): string[] {
  switch (explanation.decidedBy) {
    case 'no-filter':
      return ['in scope: no scoping filter (null or no groups), so everything is in scope'];
    case 'group':
      return [
        `in scope: ${groupName(explanation.group)} passed (groups are ORed: the first group that passes decides)`,
        ...explanation.group.clauses.map((c) => `  clause ${c.clause}: ${clauseText(c)}, and ${valueText(c)}`),
      ];
    case 'no-group':
      return [
        'out of scope: no group passed',
        ...explanation.groups.map((g) => {
          const failed = g.clauses.at(-1);
          if (failed === undefined) return `  ${groupName(g)}: has no clauses`;
          return `  ${groupName(g)}: clause ${failed.clause} failed: ${clauseText(failed)}, but ${valueText(failed)}`;
        }),
      ];
    default: {
      const unknown: never = explanation;
      return unknown;
    }
  }
}

function groupName(group: GroupOutcome): string {
  return group.name ? `group ${JSON.stringify(group.name)} (groups.${group.group})` : `group groups.${group.group}`;
}

function clauseText(clause: ClauseOutcome): string {
  const operand = clause.values.length === 0 ? '' : clause.values.length === 1 ? ` ${JSON.stringify(clause.values[0])}` : ` ${JSON.stringify(clause.values)}`;
  return `${clause.sourceOperandName} ${clause.operatorName}${operand}`;
}

/** The value the clause saw, with why a filter cannot read it when that is the reason. */
function valueText(clause: ClauseOutcome): string {
  const name = clause.sourceOperandName;
  if (!clause.actual.present) return `the source has no ${name}`;
  const value = clause.actual.value;
  if (value === null) return `${name} is null`;
  if (value === '') return `${name} is empty`;
  if (Array.isArray(value)) {
    return value.length === 0 ? `${name} is an empty list` : `${name} is multi-valued (${shortJson(value)}), which scoping filters cannot read`;
  }
  if (typeof value === 'object') return `${name} is complex (${shortJson(value)}), which scoping filters cannot read`;
  return `${name} is ${shortJson(value)}`;
}

function shortJson(value: unknown): string {
  const text = typeof value === 'bigint' ? value.toString() : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
