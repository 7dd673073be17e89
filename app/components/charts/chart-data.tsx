/**
 * What every chart has besides its picture: a caption and the numbers as a table, one click away
 * (a closed <details>), for screen readers, copying and print.
 */
import type { ReactNode } from "react";

export type DataTableProps = {
  /** The summary of the <details>, e.g. "Show the numbers". */
  summary: string;
  caption: string;
  headers: readonly string[];
  rows: readonly (readonly ReactNode[])[];
};

export function ChartDataTable({ summary, caption, headers, rows }: DataTableProps) {
  return (
    <details className="chart-data">
      <summary>{summary}</summary>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {headers.map((h, i) => (
                <th key={i} scope="col" className={i > 0 ? "num" : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) =>
                  c === 0 ? (
                    <th key={c} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={c} className="num">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
