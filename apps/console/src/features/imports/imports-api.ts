import { api } from '../../api/client';
import type { ImportApplied, ImportReport } from '../../api/types';
import { readAnswer, transportFetch } from '../../api/transport';
import { saveResponse } from '../../ui/download';

/** The API's template, as Excel or CSV, saved under the name the server gives it. */
export async function downloadTemplate(format: 'xlsx' | 'csv'): Promise<void> {
  await saveResponse(await api.GET('/api/v1/imports/template', { params: { query: { format } }, parseAs: 'blob' }), `mau-nhap-don-vi-can-bo.${format}`);
}

/** The file in the multipart part `file`, as the API reads it (the typed client does not build multipart bodies). */
async function send<T>(path: '/api/v1/imports/dry-run' | '/api/v1/imports/apply', file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return readAnswer<T>(await transportFetch(new Request(path, { method: 'POST', body: form })));
}

/** What importing the file would do, row by row, with every row's errors; writes nothing. */
export const dryRun = (file: File) => send<ImportReport>('/api/v1/imports/dry-run', file);

/**
 * Imports the file, all or nothing. No Idempotency-Key: the API refuses one for an import (a kept
 * answer would keep the one-time passwords), and a repeat changes nothing anyway.
 */
export const applyImport = (file: File) => send<ImportApplied>('/api/v1/imports/apply', file);
