// @ts-check
/**
 * What the local start says when it could not seed the demo district and has no accounts file:
 * the database already holds data (typically a second clone of the project on this machine,
 * sharing the local PostgreSQL with the first), so nobody here knows a password.
 */

/**
 * @param {{ database: string, accountsFile: string }} where
 * @returns {string[]} the lines to print
 */
function missingAccountsNotice({ database, accountsFile }) {
  return [
    `WARNING: the database "${database}" already holds data, so the demo district was not seeded,`,
    `and ${accountsFile} does not exist: no demo account's password is known here.`,
    'This happens when another clone of the project on this machine (or an earlier install) uses the',
    'same PostgreSQL database; its accounts are in that clone\'s .run/demo-accounts.txt.',
    `To start afresh here: \`make reset\` drops "${database}" (it asks first; \`make reset YES=1\` does not) and seeds the demo again,`,
    'or give this clone a database of its own: DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name> make up',
  ];
}

module.exports = { missingAccountsNotice };
