import { useEffect } from 'react';

/** Each screen names itself in the browser's title (read first by screen readers and in history). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Inspectorate`;
  }, [title]);
}
