import { ApiError, isProblem } from '../api/problem';

/**
 * Files of the API need the Bearer token, which a plain link cannot carry (and must not: the token
 * lives in memory only). So a download is a fetch through the transport, read as a blob, and
 * handed to the browser as a temporary object URL under the name the server gave it.
 */
export async function saveResponse(result: { data?: Blob; error?: unknown; response: Response }, fallbackName: string): Promise<void> {
  const { data, response } = result;
  if (!response.ok || !data) {
    const problem = await problemOf(result);
    throw new ApiError(response.status, problem);
  }
  saveBlob(data, fileNameOf(response) ?? fallbackName);
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the time the click's task ends; give it a moment anyway.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `attachment; filename="bao-cao-2023.csv"` (or RFC 6266's filename*=UTF-8''…) → the name. */
export function fileNameOf(response: Response): string | undefined {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? /filename=([^;]+)/i.exec(disposition)?.[1]?.trim();
}

async function problemOf(result: { error?: unknown }): Promise<ApiError['problem']> {
  const error = result.error;
  if (isProblem(error)) return error;
  if (error instanceof Blob) {
    try {
      const body: unknown = JSON.parse(await error.text());
      return isProblem(body) ? body : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
