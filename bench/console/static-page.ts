import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The baseline of the console benchmark: a static HTML page with the same visible landmarks as
 * the screen it stands for (a heading, the element the probe waits for) and padded to the same
 * number of bytes as everything that screen downloads. It is written into the built console's
 * assets, so the same server serves it the same way (same middleware, headers and CSP), and
 * removed afterwards.
 */
export function writeStaticPage(consoleDirectory: string, options: { bytes: number; body: string }): { path: string; remove: () => void } {
  const name = `bench-static-${randomBytes(6).toString('hex')}.html`;
  const file = path.join(consoleDirectory, 'assets', name);
  const head = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Inspectorate</title></head><body><main>${options.body}</main><!--`;
  const tail = '--></body></html>';
  const padding = Math.max(0, options.bytes - Buffer.byteLength(head + tail));
  // Incompressible-ish filler (hex), like minified JavaScript compresses less than prose.
  writeFileSync(
    file,
    head +
      randomBytes(Math.ceil(padding / 2))
        .toString('hex')
        .slice(0, padding) +
      tail,
  );
  return { path: `/assets/${name}`, remove: () => rmSync(file, { force: true }) };
}
