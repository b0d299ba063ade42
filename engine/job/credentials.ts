/**
 * @module engine/job/credentials
 * Turns a job's auth block into the SCIM client's credentials, reading secrets from the
 * environment when the job names a variable. A missing variable is a clear error before any request.
 */
import type { ClientAuth } from '../../scim/client/index.js';
import type { JobAuth } from './types.js';

export class MissingSecretError extends Error {
  override readonly name = 'MissingSecretError';
}

function secret(inline: string | undefined, envName: string | undefined, what: string, env: NodeJS.ProcessEnv): string {
  if (inline !== undefined) return inline;
  if (envName !== undefined) {
    const value = env[envName];
    if (value === undefined || value === '') throw new MissingSecretError(`${what}: environment variable ${envName} is not set`);
    return value;
  }
  throw new MissingSecretError(`${what}: no value and no environment variable named`);
}

export function clientAuth(auth: JobAuth | undefined, env: NodeJS.ProcessEnv = process.env): ClientAuth | undefined {
  if (!auth) return undefined;
  switch (auth.type) {
    case 'bearer':
      return { type: 'bearer', token: secret(auth.token, auth.tokenEnv, 'target.auth.token', env) };
    case 'basic':
      return { type: 'basic', user: auth.user, pass: secret(auth.password, auth.passwordEnv, 'target.auth.password', env) };
    case 'oauth-client-credentials':
      return {
        type: 'oauth-client-credentials',
        tokenUrl: auth.tokenUrl,
        clientId: auth.clientId,
        clientSecret: secret(auth.clientSecret, auth.clientSecretEnv, 'target.auth.clientSecret', env),
        ...(auth.scope ? { scope: auth.scope } : {}),
      };
  }
}
