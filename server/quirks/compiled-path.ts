/**
 * @module server/quirks/compiled-path
 * An attribute path from a profile (`name.givenName`, `emails[type eq "work"].value`, URN-qualified
 * extension attributes), compiled once per profile into read / map / remove over a resource.
 * Quirk logic sees only this interface; attribute-paths.ts builds it on scim/path.
 */
import type { ScimResource } from '../../scim/types.js';
import type { ResourceTypeName } from '../store/types.js';

export interface CompiledPath {
  /** the path as the profile wrote it, for error messages */
  readonly text: string;
  /** every non-null value at the path (one per element of a multi-valued attribute) */
  read(resource: ScimResource): unknown[];
  /** replaces each value at the path with fn(value); returns `resource` itself when nothing changed */
  map(resource: ScimResource, fn: (value: unknown) => unknown): ScimResource;
  /** removes every value at the path; returns `resource` itself when there was none */
  remove(resource: ScimResource): ScimResource;
}

export interface PathCompiler {
  /** compiles a profile path for a resource type; throws TypeError with the reason when it is invalid */
  (resourceType: ResourceTypeName, text: string): CompiledPath;
  /** true when a PATCH path holds a value filter; undefined when it does not parse (PATCH reports that) */
  readonly hasValueFilter: (text: string) => boolean | undefined;
}
