/**
 * @module engine/expressions/options
 * Per-evaluation settings: the ENTRA-SPEC §9.3 knobs for the behaviours Microsoft's docs leave
 * ambiguous, and the injected clock, randomness and uniqueness check. No global switches.
 */
import { randomUUID } from 'node:crypto';
import { systemClock } from '../../util/clock.js';
import type { Clock } from '../../util/clock.js';
import type { ParseOptions } from './parser.js';
import type { FunctionRegistry } from './function.types.js';

/** What IIF does when an attribute in its condition is null or empty (§4.4 IIF, §4.6). */
export type IifNullConditionMode = 'error' | 'false-branch' | 'evaluate';

/** Whether Entra's function names must match in case: §4.1 says case-sensitive. */
export type FunctionNameCase = 'sensitive' | 'insensitive';

export interface EvaluateOptions {
  /** default 'error': "the condition check fails" (documented IIF limitation) */
  readonly iifNullConditionMode?: IifNullConditionMode;
  /** default false: Coalesce skips only null, `""` is a value (§4.4 Coalesce) */
  readonly coalesceTreatsEmptyAsNull?: boolean;
  /** default false: Split does not trim the parts (§4.4 Split) */
  readonly splitTrims?: boolean;
  /** default false: when true and `changedAttributes` excludes the Switch's own source, Switch yields null (§4.6) */
  readonly switchNullQuirk?: boolean;
  /** source attributes changed since the last export; only read by the Switch quirk */
  readonly changedAttributes?: Iterable<string>;
  /** default 'sensitive' (§4.1) */
  readonly functionNameCase?: FunctionNameCase;
  /** the clock for Now(); default the system clock */
  readonly now?: Clock;
  /** uniform random numbers in [0, 1) for RandomString; default Math.random */
  readonly random?: () => number;
  /** GUID generator for Guid(); default crypto.randomUUID */
  readonly newGuid?: () => string;
  /** asked by SelectUniqueValue for each candidate, in order: is this value free in the target? */
  readonly isUnique?: (value: string) => boolean | Promise<boolean>;
  /** the function table; default every function of §4.4 */
  readonly functions?: FunctionRegistry;
  readonly parse?: ParseOptions;
}

export interface ResolvedOptions {
  readonly iifNullConditionMode: IifNullConditionMode;
  readonly coalesceTreatsEmptyAsNull: boolean;
  readonly splitTrims: boolean;
  readonly switchNullQuirk: boolean;
  readonly changedAttributes: ReadonlySet<string> | undefined;
  readonly functionNameCase: FunctionNameCase;
  readonly now: Clock;
  readonly random: () => number;
  readonly newGuid: () => string;
  readonly isUnique: ((value: string) => boolean | Promise<boolean>) | undefined;
}

export function resolveOptions(options: EvaluateOptions): ResolvedOptions {
  return {
    iifNullConditionMode: options.iifNullConditionMode ?? 'error',
    coalesceTreatsEmptyAsNull: options.coalesceTreatsEmptyAsNull ?? false,
    splitTrims: options.splitTrims ?? false,
    switchNullQuirk: options.switchNullQuirk ?? false,
    changedAttributes: options.changedAttributes ? new Set(options.changedAttributes) : undefined,
    functionNameCase: options.functionNameCase ?? 'sensitive',
    now: options.now ?? systemClock,
    random: options.random ?? Math.random,
    newGuid: options.newGuid ?? randomUUID,
    isUnique: options.isUnique,
  };
}
