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

type Geometry = { width: number; height: number; font: number; labels: number; pad: { top: number; right: number; bottom: number; left: number } };

const WIDE: Geometry = { width: 800, height: 200, font: 12, labels: 6, pad: { top: 14, right: 24, bottom: 26, left: 34 } };
/**
 * Phones get their own drawing: the wide one scaled to a phone's width would shrink its labels to about
 * 5 px. This one is about as wide as a phone (~300 px for 340 units), so 14-unit labels stay ≥ 11 px,
 * with fewer date labels so they do not collide; CSS shows one of the two.
 */
export const NARROW_COLUMNS: Geometry = { width: 340, height: 180, font: 14, labels: 3, pad: { top: 16, right: 12, bottom: 30, left: 36 } };

/** At most about `most` axis labels (6 by default): every k-th column, the last one always. */
export function labelEvery(n: number, most = WIDE.labels): number {
  return Math.max(1, Math.ceil(n / most));
}

/** Column geometry in the chart's coordinate system (heights proportional to the maximum). */
export function columnLayout(values: readonly number[], geometry: Geometry = WIDE) {
  const { width: WIDTH, height: HEIGHT, pad: PAD } = geometry;
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

function Drawing({ id, title, description, columns, geometry, className }: Omit<ColumnChartProps, "dataSummary" | "headers"> & { geometry: Geometry; className: string }) {
  const { width: WIDTH, height: HEIGHT, pad: PAD, font } = geometry;
  const { max, bars } = columnLayout(
    columns.map((c) => c.value),
    geometry,
  );
  const baseline = HEIGHT - PAD.bottom;
  const every = labelEvery(columns.length, geometry.labels);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className={`chart-svg ${className}`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {max > 0 ? (
        <g className="chart-grid">
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top} y2={PAD.top} stroke="#d9dee2" strokeDasharray="3 3" />
          <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize={font} fill="#5b6670">
            {max}
          </text>
        </g>
      ) : null}
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={baseline} y2={baseline} stroke="#5b6670" />
      <text x={PAD.left - 6} y={baseline + 4} textAnchor="end" fontSize={font} fill="#5b6670">
        0
      </text>
      {columns.map((c, i) => {
        const last = i === columns.length - 1;
        // The last label is anchored at its end so it stays inside the drawing.
        const anchor = last && columns.length > 1 ? "end" : "middle";
        return (
          <g key={i}>
            {bars[i].height > 0 ? (
              <rect x={bars[i].x} y={bars[i].y} width={bars[i].width} height={bars[i].height} fill="#1f5f5b" rx={1}>
                <title>{`${c.label}: ${c.value}`}</title>
              </rect>
            ) : null}
            {(i % every === 0 && (last || columns.length - 1 - i >= every / 2)) || last ? (
              <text x={anchor === "end" ? bars[i].x + bars[i].width : bars[i].x + bars[i].width / 2} y={HEIGHT - 8} textAnchor={anchor} fontSize={font} fill="#5b6670">
                {c.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

export function ColumnChart({ id, title, description, columns, dataSummary, headers }: ColumnChartProps) {
  return (
    <div className="chart column-chart">
      <Drawing id={id} title={title} description={description} columns={columns} geometry={WIDE} className="chart-wide" />
      <Drawing id={`${id}-narrow`} title={title} description={description} columns={columns} geometry={NARROW_COLUMNS} className="chart-narrow" />
      <ChartDataTable summary={dataSummary} caption={title} headers={headers} rows={columns.map((c) => [c.label, c.value])} />
    </div>
  );
}
