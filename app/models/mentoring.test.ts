import { describe, expect, it } from "vitest";
import { isPlanLate, nextStep, planProgress } from "./mentoring";

const at = (day: string) => new Date(`${day}T12:00:00Z`);

describe("a mentoring plan", () => {
  it("steps an item shown → practised → signed off, one state at a time", () => {
    expect(nextStep("PLANNED")).toBe("show");
    expect(nextStep("SHOWN")).toBe("practise");
    expect(nextStep("PRACTISED")).toBe("signOff");
    expect(nextStep("SIGNED_OFF")).toBeNull();
  });

  it("counts its progress by the states reached", () => {
    const p = planProgress([{ state: "PLANNED" }, { state: "SHOWN" }, { state: "PRACTISED" }, { state: "SIGNED_OFF" }]);
    expect(p).toEqual({ total: 4, shown: 3, practised: 2, signedOff: 1, percent: 25 });
    expect(planProgress([]).percent).toBe(0);
  });

  it("is late once its last day has passed with an item not signed off", () => {
    const plan = { endsOn: new Date("2026-03-31T00:00:00Z"), items: [{ state: "SIGNED_OFF" }, { state: "PRACTISED" }] };
    expect(isPlanLate(plan, at("2026-03-31"))).toBe(false);
    expect(isPlanLate(plan, at("2026-04-01"))).toBe(true);
    expect(isPlanLate({ ...plan, items: [{ state: "SIGNED_OFF" }] }, at("2026-05-01"))).toBe(false);
  });
});
