/**
 * A horizontal bar chart rendered on the server as SVG: one bar per category, an optional reference
 * marker per bar (e.g. a budget) and a distinct style for bars over their reference (colour and
 * hatching, so it does not rely on colour alone). No JavaScript; prints as it shows. The figures are
 * also available as a table, one click away.
 *
 *   <BarChart id="budget" title="…" description="…" data={[{ key, label, value, reference }]}
 *     formatValue={(m) => "1 u 30 min"} labels={{ category: "Lid", value: "Gebruikt", reference: "Budget", over: "Over budget", table: "Toon de cijfers als tabel" }} />
 */
import type { ReactNode } from "react";

export type BarDatum = {
  /** Stable key of the category (React key). */
  key: string;
  label: string;
  value: number;
  /** The reference to compare with (drawn as a marker); a value above it counts as "over". */
  reference?: number;
  /** Draw the bar's label in bold (e.g. the total or the viewer's own row). */
  emphasis?: boolean;
};

export type BarChartLabels = {
  /** Column header for the categories in the table. */
  category: string;
  /** Column header and legend text for the values. */
  value: string;
  /** Column header and legend text for the reference marker. */
  reference?: string;
  /** Legend and table text for a bar over its reference. */
  over?: string;
  /** The summary that opens the table. */
  table: string;
};

export type BarChartProps = {
  /** Unique on the page: the ids of the title, description and pattern derive from it. */
  id: string;
  title: string;
  description: string;
  data: readonly BarDatum[];
  formatValue: (value: number) => string;
  labels: BarChartLabels;
  /** Width of the drawing in SVG units; it scales to its container. */
  width?: number;
  /** Extra content under the chart (a note, a link). */
  children?: ReactNode;
};

export const BAR_COLOURS = { bar: "#1f5f5b", over: "#a3262a", reference: "#1d2326", track: "#eef1f2", text: "#1d2326" } as const;

const ROW = 30;
const BAR = 18;
const LABEL_WIDTH = 190;
const VALUE_WIDTH = 120;
const PAD = 8;

export const isOver = (d: BarDatum) => d.reference !== undefined && d.value > d.reference;

function shorten(text: string, max = 26): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function BarChart({ id, title, description, data, formatValue, labels, width = 720, children }: BarChartProps) {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const patternId = `${id}-over`;
  const max = Math.max(1, ...data.map((d) => Math.max(d.value, d.reference ?? 0)));
  const plot = width - LABEL_WIDTH - VALUE_WIDTH - PAD;
  const scale = (v: number) => (Math.max(0, v) / max) * plot;
  const height = Math.max(1, data.length) * ROW + PAD * 2;
  const hasReference = data.some((d) => d.reference !== undefined);
  const anyOver = data.some(isOver);
  return (
    <figure className="bar-chart">
      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <defs>
          <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={BAR_COLOURS.over} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" strokeOpacity="0.45" />
          </pattern>
        </defs>
        {data.map((d, i) => {
          const y = PAD + i * ROW;
          const over = isOver(d);
          const barWidth = scale(d.value);
          return (
            <g key={d.key} data-category={d.key} data-over={over ? "true" : undefined}>
              <text x={LABEL_WIDTH - PAD} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" fontSize="13" fontWeight={d.emphasis ? 700 : 400} fill={BAR_COLOURS.text}>
                {shorten(d.label)}
              </text>
              <rect x={LABEL_WIDTH} y={y + (ROW - BAR) / 2} width={plot} height={BAR} fill={BAR_COLOURS.track} rx="3" />
              {barWidth > 0 ? (
                <rect x={LABEL_WIDTH} y={y + (ROW - BAR) / 2} width={barWidth} height={BAR} fill={over ? `url(#${patternId})` : BAR_COLOURS.bar} rx="3" />
              ) : null}
              {d.reference !== undefined ? (
                <line
                  x1={LABEL_WIDTH + scale(d.reference)}
                  x2={LABEL_WIDTH + scale(d.reference)}
                  y1={y + 2}
                  y2={y + ROW - 2}
                  stroke={BAR_COLOURS.reference}
                  strokeWidth="3"
                />
              ) : null}
              <text x={LABEL_WIDTH + plot + PAD} y={y + ROW / 2} dominantBaseline="middle" fontSize="13" fontWeight={over ? 700 : 400} fill={over ? BAR_COLOURS.over : BAR_COLOURS.text}>
                {formatValue(d.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend" aria-hidden="true">
          <li>
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" rx="2" fill={BAR_COLOURS.bar} />
            </svg>{" "}
            {labels.value}
          </li>
          {hasReference && labels.reference ? (
            <li>
              <svg width="14" height="14" aria-hidden="true">
                <line x1="7" x2="7" y1="0" y2="14" stroke={BAR_COLOURS.reference} strokeWidth="3" />
              </svg>{" "}
              {labels.reference}
            </li>
          ) : null}
          {anyOver && labels.over ? (
            <li>
              <svg width="14" height="14" aria-hidden="true">
                <rect width="14" height="14" rx="2" fill={`url(#${patternId})`} />
              </svg>{" "}
              {labels.over}
            </li>
          ) : null}
        </ul>
        <details className="chart-table">
          <summary>{labels.table}</summary>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{labels.category}</th>
                  <th scope="col">{labels.value}</th>
                  {hasReference ? <th scope="col">{labels.reference}</th> : null}
                  {hasReference && labels.over ? <th scope="col">{labels.over}</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.key}>
                    <th scope="row">{d.label}</th>
                    <td>{formatValue(d.value)}</td>
                    {hasReference ? <td>{d.reference === undefined ? "" : formatValue(d.reference)}</td> : null}
                    {hasReference && labels.over ? <td>{isOver(d) ? `${labels.over}: +${formatValue(d.value - (d.reference ?? 0))}` : ""}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        {children}
      </figcaption>
    </figure>
  );
}
