import { Workbook } from 'exceljs';
import { TestStack } from '../../harness/stack';
import { TestUser } from '../../harness/people';
import { mapLimit, RawResponse, send } from './http';

/** One answer as a reader would take it in: status, content type, and the content, read whatever the format. */
export interface Observed {
  readonly status: number;
  readonly type: string;
  readonly content: unknown;
}

/**
 * The moment a report was computed is the only thing that may differ between two reads of the
 * same facts: `meta.asOf` in JSON, the "Số liệu tính đến" line in CSV and XLSX.
 */
const AS_OF_LABEL = 'Số liệu tính đến';

export async function observe(response: RawResponse): Promise<Observed> {
  const type = String(response.headers['content-type'] ?? '').split(';')[0];
  if (type.includes('spreadsheetml')) return { status: response.status, type, content: await readWorkbook(response.bytes ?? Buffer.alloc(0)) };
  if (type === 'text/csv') {
    const lines = response.text.split(/\r?\n/).map((line) => (line.includes(AS_OF_LABEL) || line.startsWith('meta.asOf') ? '<asOf>' : line));
    return { status: response.status, type, content: lines };
  }
  if (type.includes('json')) return { status: response.status, type, content: withoutAsOf(response.body) };
  return { status: response.status, type, content: response.text };
}

function withoutAsOf(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('meta' in body)) return body;
  const { meta, ...rest } = body as { meta: Record<string, unknown> };
  return { ...rest, meta: { ...meta, asOf: '<asOf>' } };
}

async function readWorkbook(bytes: Buffer): Promise<unknown> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : v));
      rows.push(values.includes(AS_OF_LABEL) ? [AS_OF_LABEL, '<asOf>'] : values);
    });
    return { name: sheet.name, rows };
  });
}

/** Reads every path as `user`, in order. */
export async function observeAll(stack: TestStack, user: TestUser, paths: readonly string[]): Promise<Record<string, Observed>> {
  const answers = await mapLimit(paths, 6, async (path) => [path, await observe(await send(stack, user, { method: 'GET', path: `/api/v1${path}` }))] as const);
  return Object.fromEntries(answers);
}
