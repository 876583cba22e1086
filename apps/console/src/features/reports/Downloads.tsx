import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/feedback';
import { saveResponse } from '../../ui/download';

export type FileFormat = 'csv' | 'xlsx';
export type FileAnswer = { data?: Blob; error?: unknown; response: Response };

/** Tải CSV · Tải Excel: the same report as a file, fetched with the session's token. */
export function Downloads({ fetchFile, baseName }: { fetchFile: (format: FileFormat) => Promise<FileAnswer>; baseName: string }) {
  const { t } = useTranslation('reports');
  const [busy, setBusy] = useState<FileFormat>();
  const [error, setError] = useState<unknown>();
  const download = async (format: FileFormat) => {
    setBusy(format);
    setError(undefined);
    try {
      await saveResponse(await fetchFile(format), `${baseName}.${format}`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div className="downloads">
      <div className="button-row">
        {(['csv', 'xlsx'] as const).map((format) => (
          <button
            key={format}
            type="button"
            onClick={() => void download(format)}
            disabled={busy !== undefined}
            aria-busy={busy === format}
          >
            {t(`download.${format}`)}
          </button>
        ))}
      </div>
      {busy ? (
        <p role="status" className="muted">
          {t('download.preparing')}
        </p>
      ) : null}
      <ErrorMessage error={error} />
    </div>
  );
}
