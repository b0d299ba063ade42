/**
 * @module engine/expressions/functions/index
 * Every function of ENTRA-SPEC §4.4 and the default registry built from them (immutable, so it can
 * be shared; pass your own registry in the options to add or replace functions).
 */
import { createRegistry } from '../registry.js';
import { append } from './append.js';
import { appRoleAssignmentsComplex } from './app-role-assignments-complex.js';
import { assertiveAppRoleAssignmentsComplex } from './assertive-app-role-assignments-complex.js';
import { bitAnd } from './bit-and.js';
import { cBool } from './c-bool.js';
import { cDate } from './c-date.js';
import { coalesce } from './coalesce.js';
import { convertToBase64 } from './convert-to-base64.js';
import { convertToUtf8Hex } from './convert-to-utf8-hex.js';
import { count } from './count.js';
import { cStr } from './c-str.js';
import { dateAdd } from './date-add.js';
import { dateDiff } from './date-diff.js';
import { dateFromNum } from './date-from-num.js';
import { formatDateTime } from './format-date-time.js';
import { guid } from './guid.js';
import { ignoreFlowIfNullOrEmpty } from './ignore-flow-if-null-or-empty.js';
import { iif } from './iif.js';
import { inStr } from './in-str.js';
import { isNull } from './is-null.js';
import { isNullOrEmpty } from './is-null-or-empty.js';
import { isPresent } from './is-present.js';
import { isString } from './is-string.js';
import { item } from './item.js';
import { join } from './join.js';
import { left } from './left.js';
import { mid } from './mid.js';
import { normalizeDiacritics } from './normalize-diacritics.js';
import { not } from './not.js';
import { now } from './now.js';
import { numFromDate } from './num-from-date.js';
import { pCase } from './p-case.js';
import { randomString } from './random-string.js';
import { redact } from './redact.js';
import { removeDuplicates } from './remove-duplicates.js';
import { replace } from './replace.js';
import { selectUniqueValue } from './select-unique-value.js';
import { singleAppRoleAssignment } from './single-app-role-assignment.js';
import { split } from './split.js';
import { stripSpaces } from './strip-spaces.js';
import { switchFunction } from './switch.js';
import { toLower } from './to-lower.js';
import { toUpper } from './to-upper.js';
import { word } from './word.js';
import type { FunctionDefinition, FunctionRegistry } from '../function.types.js';

export const entraFunctions: readonly FunctionDefinition[] = [
  append, appRoleAssignmentsComplex, assertiveAppRoleAssignmentsComplex, bitAnd, cBool, cDate, coalesce,
  convertToBase64, convertToUtf8Hex, count, cStr, dateAdd, dateDiff, dateFromNum, formatDateTime, guid,
  ignoreFlowIfNullOrEmpty, iif, inStr, isNull, isNullOrEmpty, isPresent, isString, item, join, left, mid,
  normalizeDiacritics, not, now, numFromDate, pCase, randomString, redact, removeDuplicates, replace,
  selectUniqueValue, singleAppRoleAssignment, split, stripSpaces, switchFunction, toLower, toUpper, word,
];

export const defaultRegistry: FunctionRegistry = createRegistry(entraFunctions);
