import { useId } from 'react';

export interface Bar {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** A second, smaller figure drawn over the bar (e.g. the open part of all findings). */
  readonly part?: number;
}

const ROW = 28;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 260;
const VALUE_WIDTH = 120;
/** Characters of a label that fit its column at the chart's font size (the full label is in the table). */
const MAX_LABEL = 27;

/**
 * A horizontal bar chart in plain SVG (no charting library: a few rectangles are all it takes).
 * The picture is for the eye only; the figure's caption and the table beside it carry the same
 * numbers for screen readers and for copying.
 */
export function BarChart({
  bars,
  caption,
  valueText,
  partLegend,
  totalLegend,
}: {
  bars: readonly Bar[];
  caption: string;
  valueText: (bar: Bar) => string;
  partLegend?: string;
  totalLegend?: string;
}) {
  const id = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * ROW + 8;
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <svg
        viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH} ${height}`}
        width="100%"
        aria-hidden="true"
        focusable="false"
        className="chart-svg"
      >
        {bars.map((bar, index) => {
          const y = index * ROW + 4;
          const width = (bar.value / max) * BAR_WIDTH;
          const part = bar.part !== undefined ? (bar.part / max) * BAR_WIDTH : undefined;
          return (
            <g key={bar.key}>
              <text x={LABEL_WIDTH - 8} y={y + ROW / 2 + 4} textAnchor="end" className="chart-label">
                {bar.label.length > MAX_LABEL ? `${bar.label.slice(0, MAX_LABEL - 1)}…` : bar.label}
              </text>
              <rect x={LABEL_WIDTH} y={y + 3} width={Math.max(width, bar.value > 0 ? 2 : 0)} height={ROW - 8} className="chart-bar" />
              {part !== undefined ? (
                <rect x={LABEL_WIDTH} y={y + 9} width={Math.max(part, bar.part! > 0 ? 2 : 0)} height={ROW - 20} className="chart-part" />
              ) : null}
              <text x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + ROW / 2 + 4} className="chart-value">
                {valueText(bar)}
              </text>
            </g>
          );
        })}
      </svg>
      {partLegend && totalLegend ? (
        <p className="chart-legend muted" aria-hidden="true">
          <span className="legend-swatch chart-bar-swatch" /> {totalLegend} <span className="legend-swatch chart-part-swatch" />{' '}
          {partLegend}
        </p>
      ) : null}
    </figure>
  );
}
