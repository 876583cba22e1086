import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways on a phone. A region that scrolls must be reachable with the
 * keyboard (WCAG 2.1.1; axe's scrollable-region-focusable), so it is a named, focusable region:
 * Tab reaches it and the arrow keys scroll it.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
