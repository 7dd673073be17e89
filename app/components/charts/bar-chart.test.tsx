import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart, isOver, NARROW, type BarDatum } from "./bar-chart";

const data: BarDatum[] = [
  { key: "a", label: "Lotte Vermeulen", value: 150, reference: 120 },
  { key: "b", label: "Youssef El Amrani", value: 30, reference: 120 },
  { key: "c", label: "Iemand met een heel erg lange naam die niet past", value: 0, reference: 60 },
];
const labels = { category: "Lid", value: "Gebruikt", reference: "Budget", over: "Over budget", table: "Toon de cijfers als tabel" };
const render = (rows = data) =>
  renderToStaticMarkup(<BarChart id="budget" title="Tijd per lid" description="Staven per lid" data={rows} formatValue={(m) => `${m} min`} labels={labels} />);

describe("BarChart", () => {
  it("is an image named by its title and described by its description", () => {
    const html = render();
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="budget-title"');
    expect(html).toContain('aria-describedby="budget-desc"');
    expect(html).toContain('<title id="budget-title">Tijd per lid</title>');
    expect(html).toContain('<desc id="budget-desc">Staven per lid</desc>');
  });

  it("draws a bar and a reference marker per category, over-budget bars hatched", () => {
    const html = render();
    // Twice: the wide drawing and the phone's.
    expect(html.match(/<g data-category=/g)).toHaveLength(6);
    expect(html.match(/data-over="true"/g)).toHaveLength(2);
    expect(html).toContain('fill="url(#budget-over)"');
    expect(html.match(/<line x1=/g)!.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain("Iemand met een heel erg l…");
    expect(html).toContain("Over budget");
  });

  it("has a phone drawing with its own title, labels above the bars, at least 11 px on a 300 px wide card", () => {
    const html = render();
    expect(NARROW.font * (300 / NARROW.width)).toBeGreaterThanOrEqual(11);
    expect(html).toContain('class="chart-narrow"');
    expect(html).toContain('<title id="budget-narrow-title">Tijd per lid</title>');
    expect(html).toContain(`font-size="${NARROW.font}"`);
    expect(html).toContain('fill="url(#budget-narrow-over)"');
  });

  it("has every figure in a table behind a details element", () => {
    const html = render();
    expect(html).toMatch(/<details class="chart-table"><summary>Toon de cijfers als tabel<\/summary>/);
    expect(html).toContain('<th scope="col">Lid</th><th scope="col">Gebruikt</th><th scope="col">Budget</th>');
    expect(html).toContain('<th scope="row">Lotte Vermeulen</th><td>150 min</td><td>120 min</td><td>Over budget: +30 min</td>');
    expect(html).toContain('<th scope="row">Iemand met een heel erg lange naam die niet past</th><td>0 min</td><td>60 min</td><td></td>');
  });

  it("works without references and without data", () => {
    const html = render([{ key: "x", label: "X", value: 10 }]);
    expect(html).not.toContain("Budget");
    expect(html).not.toContain('data-over="true"');
    expect(render([])).toContain("<tbody></tbody>");
    expect(isOver({ key: "k", label: "k", value: 5 })).toBe(false);
  });
});
