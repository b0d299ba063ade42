/**
 * @module engine/mapping/validation-error
 * Kept for the modules that import it from here: the config error class and its problem format
 * live in util/config-error.
 */
export { ConfigValidationError, ajvProblems } from '../../util/config-error.js';
