import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe("the console's typed client", () => {
  it('is generated from the committed OpenAPI document (run `npm run openapi` or `npm run console:types`)', () => {
    const cli = path.join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    const generated = execFileSync(process.execPath, [cli, 'openapi/openapi.json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const committed = readFileSync(path.join(ROOT, 'apps', 'console', 'src', 'api', 'openapi.d.ts'), 'utf8');
    expect(committed).toBe(generated);
  }, 60_000);
});
