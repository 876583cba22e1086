import 'reflect-metadata';
import { parseArgs } from 'node:util';
// Sub-paths, not the libraries' index files: those also export Nest modules, which the CLI does not need.
import { ConfigError, loadConfig } from '@inspectorate/config/config';
import { createDataSource, migrate } from '@inspectorate/database/data-source';
import { verifyEventChain } from '@inspectorate/event-store';
import { rebuildProjections } from '@inspectorate/read-model';

/** Exit codes (sysexits.h where one fits). */
export const EXIT = { ok: 0, failed: 1, usage: 64, config: 78 } as const;

export interface CliOutput {
  /** One line of the command's result (JSON for the commands that have one). */
  out(line: string): void;
  /** One line for a person: progress, errors. */
  err(line: string): void;
}

const processOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

const USAGE = `Usage: inspectorate <command> [options]

Commands:
  migrate                  apply pending database migrations
  rebuild-projections      empty the read model and replay the whole event log into it, in one transaction
      --batch-size <n>     events projected per call, whole appends only (default 500)
  verify-chain             check the event log's hash chain; exit 0 if intact, 1 if broken
      --page-size <n>      events read per query (default 2000)

The database is DATABASE_URL (see the README's Configuration).`;

/**
 * Operations on the database, without the API or Temporal: run compiled
 * (`node dist/apps/cli/src/main.js verify-chain`) or imported by a test, which passes its own
 * arguments, environment and output. Returns the exit code instead of exiting.
 */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, output: CliOutput = processOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { 'batch-size': { type: 'string' }, 'page-size': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    output.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const [command, ...extra] = parsed.positionals;
  if (parsed.values.help || command === 'help') {
    output.out(USAGE);
    return EXIT.ok;
  }
  if (!command || extra.length > 0 || !['migrate', 'rebuild-projections', 'verify-chain'].includes(command)) {
    output.err(`${command ? `Unknown command or extra arguments: ${parsed.positionals.join(' ')}` : 'No command given.'}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const batchSize = positiveInt(parsed.values['batch-size'], '--batch-size', output);
  const pageSize = positiveInt(parsed.values['page-size'], '--page-size', output);
  if (batchSize === null || pageSize === null) return EXIT.usage;

  let databaseUrl: string;
  try {
    databaseUrl = loadConfig(env).DATABASE_URL;
  } catch (error) {
    output.err(error instanceof ConfigError ? error.message : String(error));
    return EXIT.config;
  }

  try {
    switch (command) {
      case 'migrate': {
        const applied = await migrate(databaseUrl);
        output.err(applied.length > 0 ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'the schema is up to date');
        output.out(JSON.stringify({ applied }));
        return EXIT.ok;
      }
      case 'rebuild-projections': {
        const result = await withDataSource(databaseUrl, (db) => rebuildProjections(db, { batchSize }));
        output.err(`rebuilt the read model from ${result.events} events (${result.appends} appends) in ${result.durationMs} ms`);
        output.out(JSON.stringify(result));
        return EXIT.ok;
      }
      default: {
        const result = await withDataSource(databaseUrl, (db) => verifyEventChain(db, pageSize));
        if (result.intact) {
          output.err(`the event log is intact: ${result.checked} events checked, up to position ${result.lastPosition}`);
        } else {
          const link = result.firstBrokenLink!;
          output.err(`the event log's chain is BROKEN at position ${link.position} (event ${link.eventId}): ${link.reason}; intact up to position ${result.lastPosition}`);
        }
        output.out(JSON.stringify(result));
        return result.intact ? EXIT.ok : EXIT.failed;
      }
    }
  } catch (error) {
    output.err(`${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
}

function positiveInt(value: string | undefined, name: string, output: CliOutput): number | undefined | null {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (Number.isInteger(n) && n > 0) return n;
  output.err(`${name} must be a positive integer, not "${value}"\n\n${USAGE}`);
  return null;
}

async function withDataSource<T>(url: string, work: (db: ReturnType<typeof createDataSource>) => Promise<T>): Promise<T> {
  const db = createDataSource(url, 2);
  await db.initialize();
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}
