import { describe, expect, it } from "vitest";
import { parseForm } from "./form";
import { today } from "~/utils/dates";
import { AssignMandatoryReadSchema, ConfirmMandatoryReadSchema, MandatoryReportIntentSchema } from "./mandatory-read";
import { audienceValue } from "./mandatory-read.shared";
import { parseAudience } from "./mandatory-read.shared";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}
const DEPT = "cdept000000000000001";
const future = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const past = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const assign = { intent: "mandatory-assign", audience: `DEPARTMENT:${DEPT}`, dueDate: future };

describe("mandatory read schemas", () => {
  it("reads the audience from one select value, and writes it back the same way", () => {
    expect(parseAudience(`DEPARTMENT:${DEPT}`)).toEqual({ type: "DEPARTMENT", id: DEPT });
    expect(parseAudience(`COMMUNITY:${DEPT}`)).toEqual({ type: "COMMUNITY", id: DEPT });
    expect(parseAudience("ROLE:EMPLOYEE")).toEqual({ type: "ROLE", id: "EMPLOYEE" });
    expect(audienceValue({ type: "ROLE", id: "KNOWLEDGE_MANAGER" })).toBe("ROLE:KNOWLEDGE_MANAGER");
    for (const bad of ["", "EMPLOYEE", "ROLE:KING", "TEAM:abc", "DEPARTMENT:", "DEPARTMENT:x'; drop", `COMMUNITY:${DEPT}:x`]) expect(parseAudience(bad), bad).toBeNull();
  });

  it("takes a due date of today or later, at midnight UTC", () => {
    expect(parseForm(AssignMandatoryReadSchema, form(assign))).toEqual({
      ok: true,
      data: { intent: "mandatory-assign", audience: { type: "DEPARTMENT", id: DEPT }, dueDate: new Date(`${future}T00:00:00Z`) },
    });
    expect(parseForm(AssignMandatoryReadSchema, form({ ...assign, dueDate: today() })).ok).toBe(true);
  });

  it("refuses a past, malformed or missing due date and an unknown audience, keeping what was typed", () => {
    expect(parseForm(AssignMandatoryReadSchema, form({ ...assign, dueDate: past }))).toMatchObject({ ok: false, errors: { dueDate: { key: "error.mandatory.duePast" } }, values: { dueDate: past } });
    expect(parseForm(AssignMandatoryReadSchema, form({ ...assign, dueDate: "2027-02-30" }))).toMatchObject({ ok: false, errors: { dueDate: { key: "error.mandatory.dueDate" } } });
    expect(parseForm(AssignMandatoryReadSchema, form({ ...assign, dueDate: "volgende week" }))).toMatchObject({ ok: false, errors: { dueDate: { key: "error.mandatory.dueDate" } } });
    expect(parseForm(AssignMandatoryReadSchema, form({ ...assign, dueDate: "" }))).toMatchObject({ ok: false, errors: { dueDate: { key: "error.mandatory.dueDate" } } });
    expect(parseForm(AssignMandatoryReadSchema, form({ ...assign, audience: "" }))).toMatchObject({ ok: false, errors: { audience: { key: "error.mandatory.audience" } } });
    expect(parseForm(AssignMandatoryReadSchema, form({ ...assign, audience: "ROLE:KING" }))).toMatchObject({ ok: false, errors: { audience: { key: "error.mandatory.audience" } } });
  });

  it("reads the confirmation's version and the report's buttons", () => {
    expect(parseForm(ConfirmMandatoryReadSchema, form({ intent: "mandatory-confirm", version: "3" }))).toEqual({ ok: true, data: { intent: "mandatory-confirm", version: 3 } });
    expect(parseForm(ConfirmMandatoryReadSchema, form({ intent: "mandatory-confirm", version: "-1" })).ok).toBe(false);
    expect(parseForm(MandatoryReportIntentSchema, form({ intent: "mandatory-remind", readId: DEPT })).ok).toBe(true);
    expect(parseForm(MandatoryReportIntentSchema, form({ intent: "mandatory-withdraw", readId: "../x" })).ok).toBe(false);
    expect(parseForm(MandatoryReportIntentSchema, form({ intent: "mandatory-delete", readId: DEPT })).ok).toBe(false);
  });
});
