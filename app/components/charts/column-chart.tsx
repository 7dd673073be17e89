/**
 * Counts over time as columns (e.g. notes sent to curation per day or per week), drawn as SVG on the
 * server. role="img" with <title> and <desc>; each column has its own tooltip; a zero line, the
 * highest value as a gridline and a few date labels; the numbers as a table one click away.
 */
import { ChartDataTable } from "./chart-data";

export type Column = { label: string; value: number };

export type ColumnChartProps = {
  id: string;
  title: string;
  description: string;
  columns: readonly Column[];
  dataSummary: string;
  headers: readonly [string, string];
};

const WIDTH = 800;
const HEIGHT = 200;
const PAD = { top: 14, right: 24, bottom: 26, left: 34 };

/** At most about 6 axis labels: every k-th column, the last one always. */
export function labelEvery(n: number): number {
  return Math.max(1, Math.ceil(n / 6));
}

/** Column geometry in the chart's coordinate system (heights proportional to the maximum). */
export function columnLayout(values: readonly number[]) {
  const max = Math.max(0, ...values);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = values.length ? plotW / values.length : plotW;
  const gap = Math.min(4, step * 0.2);
  return {
    max,
    bars: values.map((v, i) => {
      const h = max === 0 ? 0 : (v / max) * plotH;
      return { x: PAD.left + i * step + gap / 2, width: Math.max(1, step - gap), y: PAD.top + plotH - h, height: h };
    }),
  };
}

export function ColumnChart({ id, title, description, columns, dataSummary, headers }: ColumnChartProps) {
  const { max, bars } = columnLayout(columns.map((c) => c.value));
  const baseline = HEIGHT - PAD.bottom;
  const every = labelEvery(columns.length);
  return (
    <div className="chart column-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {max > 0 ? (
          <g className="chart-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top} y2={PAD.top} stroke="#d9dee2" strokeDasharray="3 3" />
            <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="12" fill="#5b6670">
              {max}
            </text>
          </g>
        ) : null}
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={baseline} y2={baseline} stroke="#5b6670" />
        <text x={PAD.left - 6} y={baseline + 4} textAnchor="end" fontSize="12" fill="#5b6670">
          0
        </text>
        {columns.map((c, i) => (
          <g key={i}>
            {bars[i].height > 0 ? (
              <rect x={bars[i].x} y={bars[i].y} width={bars[i].width} height={bars[i].height} fill="#1f5f5b" rx={1}>
                <title>{`${c.label}: ${c.value}`}</title>
              </rect>
            ) : null}
            {i % every === 0 || i === columns.length - 1 ? (
              <text x={bars[i].x + bars[i].width / 2} y={HEIGHT - 6} textAnchor="middle" fontSize="12" fill="#5b6670">
                {c.label}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <ChartDataTable summary={dataSummary} caption={title} headers={headers} rows={columns.map((c) => [c.label, c.value])} />
    </div>
  );
}
