/**
 * Pieces of the knowledge manager's dashboard: a card per figure with its definition one hover
 * (title) or one click (<details>) away, and a ranked list with proportional bars whose numbers
 * are in the text and, one click away, in a table.
 */
import type { ReactNode } from "react";
import { ChartDataTable } from "~/components/charts/chart-data";

export function FigureCard({ id, title, definition, definitionLabel, wide, children }: { id: string; title: string; definition: string; definitionLabel: string; wide?: boolean; children: ReactNode }) {
  return (
    <section className={`card figure-card${wide ? " wide" : ""}`} aria-labelledby={`${id}-heading`}>
      <div className="figure-head">
        <h2 id={`${id}-heading`}>{title}</h2>
        <details className="definition">
          <summary title={definition}>
            <span aria-hidden="true">?</span>
            <span className="visually-hidden">
              {definitionLabel} {title}
            </span>
          </summary>
          <p>{definition}</p>
        </details>
      </div>
      {children}
    </section>
  );
}

export type RankedItem = { key: string; label: ReactNode; value: number; text: string; extra?: ReactNode; cells?: readonly ReactNode[] };

/** Items with a bar proportional to the largest value; the numbers are in `text` and in the table. */
export function RankedList({ items, tableSummary, caption, headers }: { items: readonly RankedItem[]; tableSummary: string; caption: string; headers: readonly string[] }) {
  const max = Math.max(0, ...items.map((i) => i.value));
  return (
    <>
      <ol className="ranked-list">
        {items.map((item) => (
          <li key={item.key}>
            <div className="ranked-line">
              <span className="ranked-label">{item.label}</span>
              <span className="ranked-value">{item.text}</span>
              {item.extra}
            </div>
            <span className="meter" aria-hidden="true">
              <span style={{ width: `${max === 0 ? 0 : Math.max(1, (item.value / max) * 100)}%` }} />
            </span>
          </li>
        ))}
      </ol>
      <ChartDataTable summary={tableSummary} caption={caption} headers={headers} rows={items.map((i) => i.cells ?? [i.label, i.value])} />
    </>
  );
}
