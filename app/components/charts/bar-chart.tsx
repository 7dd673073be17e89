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

/**
 * Phones get their own drawing: a chart scaled down to a phone's width would shrink its labels to
 * about 6 px. The narrow one puts each label above its bar on a drawing about as wide as a phone
 * (NARROW.width units for ~300 px), so NARROW.font stays at 11 px or more; CSS shows one of the two.
 */
export const NARROW = { width: 340, font: 14, row: 46, bar: 14 } as const;

type DrawingProps = { id: string; title: string; description: string; data: readonly BarDatum[]; formatValue: (value: number) => string };

function WideDrawing({ id, title, description, data, formatValue, width }: DrawingProps & { width: number }) {
  const max = Math.max(1, ...data.map((d) => Math.max(d.value, d.reference ?? 0)));
  const plot = width - LABEL_WIDTH - VALUE_WIDTH - PAD;
  const scale = (v: number) => (Math.max(0, v) / max) * plot;
  const height = Math.max(1, data.length) * ROW + PAD * 2;
  const patternId = `${id}-over`;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      xmlns="http://www.w3.org/2000/svg"
      className="chart-wide"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <OverPattern id={patternId} />
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
  );
}

function NarrowDrawing({ id, title, description, data, formatValue }: DrawingProps) {
  const { width, font, row, bar } = NARROW;
  const max = Math.max(1, ...data.map((d) => Math.max(d.value, d.reference ?? 0)));
  const scale = (v: number) => (Math.max(0, v) / max) * width;
  // The marker is 3 units wide: keep it whole at either end of the bar.
  const marker = (v: number) => Math.min(width - 1.5, Math.max(1.5, scale(v)));
  const height = Math.max(1, data.length) * row + PAD;
  const patternId = `${id}-narrow-over`;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-narrow-title`}
      aria-describedby={`${id}-narrow-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      xmlns="http://www.w3.org/2000/svg"
      className="chart-narrow"
    >
      <title id={`${id}-narrow-title`}>{title}</title>
      <desc id={`${id}-narrow-desc`}>{description}</desc>
      <OverPattern id={patternId} />
      {data.map((d, i) => {
        const y = i * row;
        const over = isOver(d);
        const barY = y + font + 8;
        return (
          <g key={d.key} data-category={d.key} data-over={over ? "true" : undefined}>
            <text x={0} y={y + font} fontSize={font} fontWeight={d.emphasis ? 700 : 400} fill={BAR_COLOURS.text}>
              {shorten(d.label, 28)}
            </text>
            <text x={width} y={y + font} textAnchor="end" fontSize={font} fontWeight={over ? 700 : 400} fill={over ? BAR_COLOURS.over : BAR_COLOURS.text}>
              {formatValue(d.value)}
            </text>
            <rect x={0} y={barY} width={width} height={bar} fill={BAR_COLOURS.track} rx="3" />
            {scale(d.value) > 0 ? <rect x={0} y={barY} width={scale(d.value)} height={bar} fill={over ? `url(#${patternId})` : BAR_COLOURS.bar} rx="3" /> : null}
            {d.reference !== undefined ? (
              <line x1={marker(d.reference)} x2={marker(d.reference)} y1={barY - 3} y2={barY + bar + 3} stroke={BAR_COLOURS.reference} strokeWidth="3" />
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

function OverPattern({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill={BAR_COLOURS.over} />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" strokeOpacity="0.45" />
      </pattern>
    </defs>
  );
}

export function BarChart({ id, title, description, data, formatValue, labels, width = 720, children }: BarChartProps) {
  // The legend has its own pattern: the drawing CSS hides would take its pattern along.
  const patternId = `${id}-legend-over`;
  const hasReference = data.some((d) => d.reference !== undefined);
  const anyOver = data.some(isOver);
  return (
    <figure className="bar-chart">
      <WideDrawing id={id} title={title} description={description} data={data} formatValue={formatValue} width={width} />
      <NarrowDrawing id={id} title={title} description={description} data={data} formatValue={formatValue} />
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
                <OverPattern id={patternId} />
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
