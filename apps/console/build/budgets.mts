import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** What a phone on a slow line downloads before the first screen, and for each screen after it. */
export interface Budgets {
  /** The entry chunk and every chunk it imports statically, gzipped. */
  readonly initialKb: number;
  /** Each lazily loaded (route) chunk with the chunks only it imports, gzipped. */
  readonly routeChunkKb: number;
}

interface ChunkInfo {
  readonly code: string;
  readonly isEntry: boolean;
  readonly isDynamicEntry: boolean;
  readonly imports: readonly string[];
}

const gzipKb = (code: string) => gzipSync(code, { level: 9 }).length / 1024;

/** The chunks loaded with `start`: itself and its static imports, transitively. */
function closure(start: string, chunks: Map<string, ChunkInfo>, seen = new Set<string>()): Set<string> {
  if (seen.has(start) || !chunks.has(start)) return seen;
  seen.add(start);
  for (const imported of chunks.get(start)!.imports) closure(imported, chunks, seen);
  return seen;
}

/** Measures the bundle after it is generated and fails the build when a budget is exceeded. */
export function bundleBudgets(budgets: Budgets): Plugin {
  return {
    name: 'inspectorate-bundle-budgets',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type === 'chunk') chunks.set(fileName, output);
      }
      const size = (files: Iterable<string>) => [...files].reduce((total, file) => total + gzipKb(chunks.get(file)!.code), 0);
      const entries = [...chunks].filter(([, chunk]) => chunk.isEntry).map(([file]) => file);
      const initial = new Set(entries.flatMap((entry) => [...closure(entry, chunks)]));
      const initialKb = size(initial);
      const lines = [`initial JavaScript ${initialKb.toFixed(1)} KB gzip (budget ${budgets.initialKb} KB)`];
      const failures: string[] = initialKb > budgets.initialKb ? [lines[0]] : [];
      for (const [file, chunk] of chunks) {
        if (!chunk.isDynamicEntry) continue;
        const own = [...closure(file, chunks)].filter((name) => !initial.has(name));
        const kb = size(own);
        const line = `route chunk ${file} ${kb.toFixed(1)} KB gzip (budget ${budgets.routeChunkKb} KB)`;
        lines.push(line);
        if (kb > budgets.routeChunkKb) failures.push(line);
      }
      this.info(`bundle budgets:\n  ${lines.join('\n  ')}`);
      this.emitFile({ type: 'asset', fileName: 'bundle-sizes.txt', source: `${lines.join('\n')}\n` });
      if (failures.length > 0) this.error(`bundle budget exceeded:\n  ${failures.join('\n  ')}`);
    },
  };
}
