/**
 * @module server/quirks/profile-schema-json
 * profile.schema.json's exact text, from the schema module: the script that writes the file and
 * the test that proves it current share this one rendering.
 */
import { profileSchema } from './profile-schema.js';

export function profileSchemaJson(): string {
  return `${JSON.stringify(profileSchema, null, 2)}\n`;
}
