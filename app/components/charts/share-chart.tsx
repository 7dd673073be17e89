/**
 * A 100 % stacked bar: how a whole splits into parts (e.g. published / merged / declined), drawn as
 * SVG on the server so it prints and exports as it looks. role="img" with <title> and <desc>; a
 * legend with counts and percentages in text; the numbers as a table one click away.
 */
import { ChartDataTable } from "./chart-data";

export type ShareSegment = { key: string; label: string; count: number; percent: number; color: string };

export type ShareChartProps = {
  id: string;
  title: string;
  description: string;
  segments: readonly ShareSegment[];
  /** Shown instead of the bar when the total is 0. */
  emptyText: string;
  dataSummary: string;
  headers: readonly [string, string, string];
};

const WIDTH = 600;
const HEIGHT = 40;

/** The segments' x and width on a 600-wide bar, proportional to the counts, no gaps; zero counts get no width. */
export function shareLayout(segments: readonly { count: number }[]): { x: number; width: number }[] {
  const total = segments.reduce((s, x) => s + x.count, 0);
  let x = 0;
  return segments.map((s) => {
    const width = total === 0 ? 0 : (s.count / total) * WIDTH;
    const out = { x: Math.round(x * 100) / 100, width: Math.round(width * 100) / 100 };
    x += width;
    return out;
  });
}

export function ShareChart({ id, title, description, segments, emptyText, dataSummary, headers }: ShareChartProps) {
  const total = segments.reduce((s, x) => s + x.count, 0);
  const layout = shareLayout(segments);
  return (
    <div className="chart share-chart">
      {total === 0 ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width="100%"
          preserveAspectRatio="none"
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          className="chart-svg"
          style={{ height: "2.5rem" }}
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {segments.map((s, i) =>
            layout[i].width > 0 ? (
              <rect key={s.key} x={layout[i].x} y={0} width={layout[i].width} height={HEIGHT} fill={s.color} stroke="#fff" strokeWidth={1} data-key={s.key}>
                <title>{`${s.label}: ${s.count} (${s.percent}%)`}</title>
              </rect>
            ) : null,
          )}
        </svg>
      )}
      <ul className="chart-legend">
        {segments.map((s) => (
          <li key={s.key}>
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
            <span>{s.label}</span> <strong>{s.count}</strong> <span className="muted">({s.percent}%)</span>
          </li>
        ))}
      </ul>
      <ChartDataTable summary={dataSummary} caption={title} headers={headers} rows={segments.map((s) => [s.label, s.count, `${s.percent}%`])} />
    </div>
  );
}
