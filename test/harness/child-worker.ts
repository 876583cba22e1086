import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { AppConfig } from '@inspectorate/config';

const ROOT = path.resolve(__dirname, '..', '..');

/** The real worker entry point (apps/worker/src/main.ts) as a separate OS process, so it can be SIGKILLed. */
export class ChildWorker {
  private child?: ChildProcess;
  output = '';

  constructor(private readonly config: AppConfig) {}

  async start(timeoutMs = 60_000): Promise<void> {
    const child = spawn(process.execPath, ['-r', path.join(ROOT, 'scripts/ts-register.js'), path.join(ROOT, 'apps/worker/src/main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        APP_ENV: 'test',
        DATABASE_URL: this.config.DATABASE_URL,
        TEMPORAL_ADDRESS: this.config.TEMPORAL_ADDRESS,
        TEMPORAL_NAMESPACE: this.config.TEMPORAL_NAMESPACE,
        TEMPORAL_TASK_QUEUE: this.config.TEMPORAL_TASK_QUEUE,
        WORKFLOW_BUNDLE_PATH: this.config.WORKFLOW_BUNDLE_PATH,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker did not start within ${timeoutMs} ms:\n${this.output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        if (this.output.includes('"worker polling"')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`worker exited with ${code} before it was ready:\n${this.output}`));
      });
    });
  }

  /** SIGKILL: no shutdown hooks, no draining; in-flight tasks are simply lost to this process. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || hasExited(child)) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM: the worker drains, closes its connections and exits (Nest re-raises the signal once done). */
  async terminate(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = this.child;
    if (!child || hasExited(child)) return { code: child?.exitCode ?? null, signal: child?.signalCode ?? null };
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.kill('SIGTERM');
    return exited;
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}
