import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The secrets an installation generates for itself when the environment does not give them. */
export interface InstallationSecrets {
  readonly JWT_SECRET: string;
  readonly PAYLOAD_ENCRYPTION_KEYS: string;
  readonly CHAIN_CHECKPOINT_KEY: string;
}

export const INSTALLATION_SECRETS_FILE = 'installation-secrets.json';

const FIELDS: readonly (keyof InstallationSecrets)[] = ['JWT_SECRET', 'PAYLOAD_ENCRYPTION_KEYS', 'CHAIN_CHECKPOINT_KEY'];

/**
 * This installation's own secrets, in `<dataDir>/installation-secrets.json` (mode 0600): created
 * with random values on the first start, read back on every later one. Every process of the
 * installation (API, worker, CLI) that shares the data folder therefore signs and encrypts with
 * the same keys, and no two installations share one — unlike a default written in the source.
 *
 * Creation is atomic (write a private temporary file, then hard-link it into place), so two
 * processes starting at the same moment agree on whichever file landed first.
 */
export function installationSecrets(dataDir: string): InstallationSecrets {
  const file = path.resolve(dataDir, INSTALLATION_SECRETS_FILE);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    return readSecrets(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(generateSecrets(), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    chmodSync(temporary, 0o600); // whatever the umask
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process of this installation won the race: use its secrets.
  } finally {
    unlinkSync(temporary);
  }
  return readSecrets(file);
}

function generateSecrets(): InstallationSecrets {
  return {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    PAYLOAD_ENCRYPTION_KEYS: `local-${randomBytes(4).toString('hex')}:${randomBytes(32).toString('base64')}`,
    CHAIN_CHECKPOINT_KEY: randomBytes(48).toString('base64url'),
  };
}

function readSecrets(file: string): InstallationSecrets {
  const text = readFileSync(file, 'utf8');
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(`${file} is readable by others (mode ${mode.toString(8)}); it holds this installation's secrets: chmod 600 it.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not JSON; delete it to generate new secrets (tokens and Temporal payloads made with the old ones become unreadable).`);
  }
  const missing = FIELDS.filter((field) => typeof (parsed as Record<string, unknown>)?.[field] !== 'string');
  if (missing.length > 0) throw new Error(`${file} lacks ${missing.join(', ')}; set them in the environment or restore the file.`);
  return parsed as InstallationSecrets;
}
