import 'reflect-metadata';
import { parseArgs } from 'node:util';
// Sub-paths, not the libraries' index files: those also export Nest modules, which the CLI does not need.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppConfig, ConfigError, loadConfig } from '@inspectorate/config/config';
import { createDataSource, migrate } from '@inspectorate/database/data-source';
import { ChainCheckpointEntity, CheckpointSigner, parseCheckpoints, serialiseCheckpoints, toCheckpoint, verifyEventChain } from '@inspectorate/event-store';
import { rebuildProjections } from '@inspectorate/read-model';
import { DemoSeeder } from './demo';
import { connectClient, tlsFilesOf } from '@inspectorate/temporal';
import { bundleWorkflows } from '@inspectorate/temporal/workflow-bundle';
import { generateOpenApiDocument, serialiseOpenApi } from '../../api/src/openapi';

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
  verify-chain             check the event log's hash chain and its signed checkpoints (CHAIN_CHECKPOINT_KEY);
                           exit 0 if intact, 1 if broken, removed from its end or rewritten
      --page-size <n>      events read per query (default 2000)
      --checkpoints <f>    also check against checkpoints exported earlier (export-checkpoints)
  export-checkpoints       write the signed checkpoints of the log's head, one JSON object a line,
                           to keep outside the database (they prove its end and content later)
      --out <file>         where to write them (default: standard output)
  seed-demo                seed the demo district into an EMPTY database through the workflows
                           (needs Temporal and a running worker; refused in production)
      --accounts-file <f>  write the demo accounts and their generated passwords there (mode 0600)
  bundle-workflows         prebuild the workflow bundle for production workers
      --out <file>         where to write it (default dist/workflow-bundle.js)
  openapi                  write the OpenAPI document (no database or Temporal needed)
      --out <file>         where to write it (default openapi/openapi.json)

The database is DATABASE_URL, Temporal TEMPORAL_ADDRESS/TEMPORAL_NAMESPACE/TEMPORAL_TASK_QUEUE
(see the README's Configuration).`;

const COMMANDS = ['migrate', 'rebuild-projections', 'verify-chain', 'export-checkpoints', 'seed-demo', 'bundle-workflows', 'openapi'];

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
      options: {
        'batch-size': { type: 'string' },
        'page-size': { type: 'string' },
        'accounts-file': { type: 'string' },
        checkpoints: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
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
  if (!command || extra.length > 0 || !COMMANDS.includes(command)) {
    output.err(`${command ? `Unknown command or extra arguments: ${parsed.positionals.join(' ')}` : 'No command given.'}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const batchSize = positiveInt(parsed.values['batch-size'], '--batch-size', output);
  const pageSize = positiveInt(parsed.values['page-size'], '--page-size', output);
  if (batchSize === null || pageSize === null) return EXIT.usage;

  // These two need no configuration at all: they only read the sources.
  if (command === 'bundle-workflows') return bundle(parsed.values.out ?? 'dist/workflow-bundle.js', output);
  if (command === 'openapi') return openapi(parsed.values.out ?? 'openapi/openapi.json', output);

  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    output.err(error instanceof ConfigError ? error.message : String(error));
    return EXIT.config;
  }
  const databaseUrl = config.DATABASE_URL;

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
      case 'seed-demo':
        return await seedDemo(config, parsed.values['accounts-file'], output);
      case 'export-checkpoints': {
        const rows = await withDataSource(databaseUrl, (db) => db.getRepository(ChainCheckpointEntity).find({ order: { position: 'ASC' } }));
        const text = serialiseCheckpoints(rows.map(toCheckpoint));
        if (parsed.values.out) {
          mkdirSync(path.dirname(parsed.values.out), { recursive: true });
          writeFileSync(parsed.values.out, text);
        } else if (text) output.out(text.trimEnd());
        output.err(`exported ${rows.length} checkpoint(s)${rows.length > 0 ? `, the newest of position ${rows[rows.length - 1].position}` : ''}${parsed.values.out ? ` to ${parsed.values.out}` : ''}`);
        return EXIT.ok;
      }
      default: {
        const exported = parsed.values.checkpoints ? parseCheckpoints(readFileSync(parsed.values.checkpoints, 'utf8')) : [];
        const signer = new CheckpointSigner(config.CHAIN_CHECKPOINT_KEY);
        const result = await withDataSource(databaseUrl, (db) => verifyEventChain(db, { pageSize, signer, exported }));
        const problem = result.checkpoints?.problem;
        if (result.intact) {
          output.err(`the event log is intact: ${result.checked} events checked, up to position ${result.lastPosition}, signed up to position ${result.checkpoints?.lastSignedPosition}`);
        } else if (result.firstBrokenLink) {
          const link = result.firstBrokenLink;
          output.err(`the event log's chain is BROKEN at position ${link.position} (event ${link.eventId}): ${link.reason}; intact up to position ${result.lastPosition}`);
        } else if (problem) {
          output.err(`the event log does NOT match its signed checkpoints at position ${problem.position}: ${problem.reason}`);
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

/** The demo district, driven through the real workflows; only into an empty database, never in production. */
async function seedDemo(config: AppConfig, accountsFile: string | undefined, output: CliOutput): Promise<number> {
  if (config.isProduction) {
    output.err('seed-demo refuses to run in production.');
    return EXIT.failed;
  }
  const temporal = await connectClient({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, encryptionKeys: config.PAYLOAD_ENCRYPTION_KEYS, tls: tlsFilesOf(config) });
  try {
    const result = await withDataSource(config.DATABASE_URL, (db) => new DemoSeeder(db, temporal, config.TEMPORAL_TASK_QUEUE).seed());
    if (!result.seeded) {
      output.err(`demo data not seeded: ${result.reason}`);
      output.out(JSON.stringify({ seeded: false }));
      return EXIT.ok;
    }
    if (accountsFile) {
      mkdirSync(path.dirname(accountsFile), { recursive: true });
      const lines = result.accounts.map((a) => `${a.username.padEnd(36)} ${a.password.padEnd(20)} ${a.role.padEnd(16)} ${a.unit ?? ''}`.trimEnd());
      const header = '# Demo accounts of Inspectorate: invented people; generated passwords. Never use in production.\n# username                             password             role             unit';
      writeFileSync(accountsFile, `${header}\n${lines.join('\n')}\n`, { mode: 0o600 });
    }
    output.err(`seeded the demo district: ${result.accounts.length} accounts, ${result.commands} commands through the workflows in ${result.durationMs} ms`);
    output.out(JSON.stringify({ seeded: true, campaignId: result.campaignId, accounts: result.accounts.length, commands: result.commands, durationMs: result.durationMs }));
    return EXIT.ok;
  } finally {
    await temporal.connection.close();
  }
}

async function bundle(out: string, output: CliOutput): Promise<number> {
  const started = Date.now();
  const { code } = await bundleWorkflows();
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, code);
  output.err(`wrote the workflow bundle to ${out} (${Math.round(code.length / 1024)} KiB) in ${Date.now() - started} ms`);
  return EXIT.ok;
}

async function openapi(out: string, output: CliOutput): Promise<number> {
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, serialiseOpenApi(await generateOpenApiDocument()));
  output.err(`wrote the OpenAPI document to ${out}`);
  return EXIT.ok;
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
