import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ColumnChart, columnLayout, labelEvery, NARROW_COLUMNS } from "./column-chart";
import { ShareChart, shareLayout } from "./share-chart";

const segments = [
  { key: "PUBLISHED", label: "Gepubliceerd", count: 2, percent: 40, color: "#2e7d4f" },
  { key: "MERGED", label: "Samengevoegd", count: 1, percent: 20, color: "#6b3fa0" },
  { key: "DECLINED", label: "Afgewezen", count: 2, percent: 40, color: "#a3262a" },
];
const shareProps = {
  id: "decisions",
  title: "Beslissingen",
  description: "5 beslissingen: 40% gepubliceerd, 20% samengevoegd, 40% afgewezen.",
  emptyText: "Geen beslissingen in deze periode.",
  dataSummary: "Toon de cijfers",
  headers: ["Beslissing", "Aantal", "Aandeel"] as const,
};

describe("ShareChart", () => {
  it("lays the segments side by side over the full width, in proportion", () => {
    expect(shareLayout([{ count: 2 }, { count: 1 }, { count: 2 }])).toEqual([
      { x: 0, width: 240 },
      { x: 240, width: 120 },
      { x: 360, width: 240 },
    ]);
    expect(shareLayout([{ count: 0 }, { count: 3 }])).toEqual([
      { x: 0, width: 0 },
      { x: 0, width: 600 },
    ]);
  });

  it("is an accessible image with title, description, legend and the numbers as a table", () => {
    const html = renderToStaticMarkup(<ShareChart {...shareProps} segments={segments} />);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="decisions-title"');
    expect(html).toContain('aria-describedby="decisions-desc"');
    expect(html).toContain('<title id="decisions-title">Beslissingen</title>');
    expect(html).toContain('<desc id="decisions-desc">5 beslissingen: 40% gepubliceerd, 20% samengevoegd, 40% afgewezen.</desc>');
    expect(html.match(/<rect /g)).toHaveLength(3);
    expect(html).toContain("<title>Samengevoegd: 1 (20%)</title>");
    expect(html).toMatch(/<details class="chart-data"><summary>Toon de cijfers<\/summary>/);
    expect(html).toContain('<th scope="row">Afgewezen</th><td class="num">2</td><td class="num">40%</td>');
  });

  it("shows the empty text instead of a bar when there is nothing, and keeps the table", () => {
    const html = renderToStaticMarkup(<ShareChart {...shareProps} segments={segments.map((s) => ({ ...s, count: 0, percent: 0 }))} />);
    expect(html).not.toContain("<svg");
    expect(html).toContain("Geen beslissingen in deze periode.");
    expect(html).toContain('<th scope="row">Gepubliceerd</th><td class="num">0</td>');
  });
});

describe("ColumnChart", () => {
  const columns = [
    { label: "2 mrt", value: 0 },
    { label: "3 mrt", value: 4 },
    { label: "4 mrt", value: 2 },
  ];
  const props = { id: "subs", title: "Ingestuurd per dag", description: "6 notities in 3 dagen, hoogst 4 op 3 mrt.", dataSummary: "Toon de cijfers", headers: ["Dag", "Notities"] as const };

  it("scales the columns to the highest value", () => {
    const { max, bars } = columnLayout([0, 4, 2]);
    expect(max).toBe(4);
    expect(bars[0].height).toBe(0);
    expect(bars[2].height).toBeCloseTo(bars[1].height / 2, 6);
    expect(bars[1].y + bars[1].height).toBeCloseTo(bars[2].y + bars[2].height, 6);
    expect(columnLayout([0, 0]).bars.every((b) => b.height === 0)).toBe(true);
  });

  it("labels about six columns, three on a phone", () => {
    expect(labelEvery(7)).toBe(2);
    expect(labelEvery(30)).toBe(5);
    expect(labelEvery(3)).toBe(1);
    expect(labelEvery(30, NARROW_COLUMNS.labels)).toBe(10);
  });

  it("has a phone drawing whose labels stay at least 11 px on a 300 px wide card", () => {
    expect(NARROW_COLUMNS.font * (300 / NARROW_COLUMNS.width)).toBeGreaterThanOrEqual(11);
    const html = renderToStaticMarkup(<ColumnChart {...props} columns={columns} />);
    expect(html).toContain(`viewBox="0 0 ${NARROW_COLUMNS.width} ${NARROW_COLUMNS.height}"`);
    expect(html).toMatch(/class="chart-svg chart-narrow"/);
  });

  it("is an accessible image with a tooltip per column and the numbers as a table", () => {
    const html = renderToStaticMarkup(<ColumnChart {...props} columns={columns} />);
    expect(html).toContain('role="img"');
    expect(html).toContain('<title id="subs-title">Ingestuurd per dag</title>');
    expect(html).toContain('<desc id="subs-desc">');
    expect(html.match(/<rect /g)).toHaveLength(4); // two drawings (wide, narrow), no column for a zero
    expect(html).toContain('<title id="subs-narrow-title">Ingestuurd per dag</title>');
    expect(html).toContain("<title>3 mrt: 4</title>");
    expect(html).toContain('<th scope="row">2 mrt</th><td class="num">0</td>');
  });

  it("draws an empty period as a baseline with zeros in the table", () => {
    const html = renderToStaticMarkup(<ColumnChart {...props} columns={columns.map((c) => ({ ...c, value: 0 }))} />);
    expect(html).toContain("<svg");
    expect(html).not.toContain("<rect");
    expect(html.match(/<td class="num">0<\/td>/g)).toHaveLength(3);
  });
});
