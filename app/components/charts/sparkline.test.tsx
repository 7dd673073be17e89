import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Sparkline } from "./sparkline";

describe("sparkline", () => {
  it("is an image named with its values, one point per value", () => {
    const html = renderToStaticMarkup(<Sparkline values={[0, 3, 1]} label="Bijdragen per week: 0, 3, 1" />);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Bijdragen per week: 0, 3, 1"');
    expect(html).toContain("<title>Bijdragen per week: 0, 3, 1</title>");
    expect(html.match(/points="([^"]*)"/)?.[1].split(" ")).toHaveLength(3);
  });
  it("draws nothing but the frame for no values, without dividing by zero", () => {
    const html = renderToStaticMarkup(<Sparkline values={[]} label="leeg" />);
    expect(html).not.toContain("NaN");
    expect(html).not.toContain("<circle");
  });
});
