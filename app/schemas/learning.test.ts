import { describe, expect, it } from "vitest";
import { parseForm } from "./form";
import { AddLearningSchema, DecideLearningIntentSchema } from "./learning";
import { learningYear, parseEuroCents, parseHours } from "./learning.shared";
import { PairSchema, PlanIntentSchema, TemplateIntentSchema } from "./mentoring";
import { isoDayFromToday as iso, today } from "~/utils/dates";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const add = (over: Record<string, string> = {}) =>
  parseForm(AddLearningSchema, form({ intent: "learning-add", kind: "COURSE", title: "Beleggingsadvies", provider: "Febelfin Academy", date: today(), hours: "7,5", cost: "450", ...over }));

describe("hours and euro", () => {
  it("read decimal hours with a comma or a dot, and hours with minutes", () => {
    expect(parseHours("7,5")).toBe(450);
    expect(parseHours("7.5")).toBe(450);
    expect(parseHours(" 8 ")).toBe(480);
    expect(parseHours("1:30")).toBe(90);
    expect(parseHours("2u")).toBe(120);
    for (const bad of ["", "-1", "abc", "1.234", "1,2,3", "<b>1</b>", "1e3", "99999"]) expect(parseHours(bad), bad).toBeNull();
  });

  it("read euro to the cent and refuse a guessed thousands separator", () => {
    expect(parseEuroCents("450")).toBe(45_000);
    expect(parseEuroCents("450,5")).toBe(45_050);
    expect(parseEuroCents("€ 1200.05")).toBe(120_005);
    expect(parseEuroCents("0")).toBe(0);
    for (const bad of ["1.250", "1.250,00", "-5", "abc", "", "12,345"]) expect(parseEuroCents(bad), bad).toBeNull();
  });
});

describe("AddLearningSchema", () => {
  it("accepts a formal entry and turns hours into minutes and euro into cents", () => {
    const r = add({ certificateOn: today() });
    expect(r.ok && r.data).toMatchObject({ kind: "COURSE", hours: 450, cost: 45_000 });
  });

  it("refuses each bad field with its own message, keeping what was typed", () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ title: "" }, "title", "error.required"],
      [{ title: "x".repeat(151) }, "title", "error.tooLong"],
      [{ provider: "  " }, "provider", "error.required"],
      [{ kind: "SEMINAR" }, "kind", "error.learning.kind"],
      [{ hours: "-3" }, "hours", "error.learning.negative"],
      [{ hours: "veel" }, "hours", "error.learning.hours"],
      [{ hours: "0" }, "hours", "error.learning.hours"],
      [{ hours: "2001" }, "hours", "error.learning.hoursMax"],
      [{ cost: "-10" }, "cost", "error.learning.negative"],
      [{ cost: "1.250" }, "cost", "error.learning.cost"],
      [{ cost: "2000000" }, "cost", "error.learning.costMax"],
      [{ date: "2026-02-30" }, "date", "error.learning.date"],
      [{ date: iso(3) }, "date", "error.learning.future"],
      [{ date: iso(-2000) }, "date", "error.learning.tooOld"],
      [{ certificateOn: "morgen" }, "certificateOn", "error.learning.date"],
      [{ date: today(), certificateOn: iso(-1) }, "certificateOn", "error.learning.certificateBefore"],
    ];
    for (const [over, field, key] of cases) {
      const r = add(over);
      expect(r.ok, JSON.stringify(over)).toBe(false);
      if (!r.ok) {
        expect(r.errors[field]?.key, JSON.stringify(over)).toBe(key);
        expect(r.values[field], JSON.stringify(over)).toBe(over[field]);
      }
    }
  });

  it("keeps hostile text as text", () => {
    for (const text of ['<script>alert("x")</script>', "=HYPERLINK(\"http://evil.example\")", "Robert'); DROP TABLE \"User\";--", "\u202Egnp.exe"]) {
      const r = add({ title: text, provider: text });
      expect(r.ok && r.data.title, text).toBe(text);
    }
  });

  it("asks a reason for a rejection", () => {
    const r = parseForm(DecideLearningIntentSchema, form({ intent: "learning-reject", entryId: "clxxxxxxxxxxxxxxxx", reason: " " }));
    expect(!r.ok && r.errors.reason?.key).toBe("error.learning.reasonRequired");
  });

  it("picks a sensible year from the query", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    expect(learningYear("2025", now)).toBe(2025);
    expect(learningYear("1999", now)).toBe(2026);
    expect(learningYear("2030", now)).toBe(2026);
    expect(learningYear("abc", now)).toBe(2026);
    expect(learningYear(null, now)).toBe(2026);
  });
});

describe("mentoring forms", () => {
  const pair = (over: Record<string, string> = {}) =>
    parseForm(PairSchema, form({ intent: "mentoring-pair", newcomerId: "clnewcomer000000001", mentorId: "clmentor00000000001", startsOn: today(), endsOn: iso(90), ...over }));

  it("pair a newcomer with someone else for a period that ends after it starts", () => {
    expect(pair().ok).toBe(true);
    const cases: [Record<string, string>, string, string][] = [
      [{ mentorId: "clnewcomer000000001" }, "mentorId", "error.mentoring.samePerson"],
      [{ newcomerId: "" }, "newcomerId", "error.mentoring.newcomer"],
      [{ endsOn: iso(-1) }, "endsOn", "error.mentoring.endBeforeStart"],
      [{ endsOn: iso(800) }, "endsOn", "error.mentoring.tooLong"],
      [{ startsOn: "31-12-2026" }, "startsOn", "error.mentoring.date"],
    ];
    for (const [over, field, key] of cases) {
      const r = pair(over);
      expect(!r.ok && r.errors[field]?.key, JSON.stringify(over)).toBe(key);
    }
  });

  it("refuse a template item without a title or of an unknown kind", () => {
    const r = parseForm(TemplateIntentSchema, form({ intent: "template-add", kind: "HOBBY", title: "" }));
    expect(!r.ok && r.errors.kind?.key).toBe("error.mentoring.kind");
    expect(!r.ok && r.errors.title?.key).toBe("error.required");
  });

  it("take mentoring time as hours, never negative, never in the future", () => {
    const log = (over: Record<string, string>) => parseForm(PlanIntentSchema, form({ intent: "mentoring-log", date: today(), hours: "1,5", what: "Meeluisteren", ...over }));
    expect(log({}).ok && (log({}) as { data: { hours: number } }).data.hours).toBe(90);
    expect((log({ hours: "-1" }) as { errors: Record<string, { key: string }> }).errors.hours.key).toBe("error.learning.negative");
    expect((log({ hours: "25" }) as { errors: Record<string, { key: string }> }).errors.hours.key).toBe("error.learning.hoursMax");
    expect((log({ date: iso(1) }) as { errors: Record<string, { key: string }> }).errors.date.key).toBe("error.learning.future");
    expect((log({ what: "" }) as { errors: Record<string, { key: string }> }).errors.what.key).toBe("error.mentoring.whatRequired");
  });
});
