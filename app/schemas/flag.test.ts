import { describe, expect, it } from "vitest";
import { parseForm } from "./form";
import { FlagSchema, ResolveFlagSchema, WithdrawFlagSchema } from "./flag";
import { FLAG_INTENT, FLAG_LIMITS, MY_FLAG_INTENT } from "./flag.shared";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

describe("FlagSchema", () => {
  it("takes a reason and an optional comment for outdated, unclear and duplicate", () => {
    expect(parseForm(FlagSchema, form({ reason: "OUTDATED" }))).toEqual({ ok: true, data: { reason: "OUTDATED", comment: "" } });
    expect(parseForm(FlagSchema, form({ reason: "DUPLICATE", comment: "  Zie ook de entry over spaarpotten.  " }))).toEqual({
      ok: true,
      data: { reason: "DUPLICATE", comment: "Zie ook de entry over spaarpotten." },
    });
  });

  it("requires a comment for wrong and other, and keeps what was chosen", () => {
    for (const reason of ["WRONG", "OTHER"]) {
      const result = parseForm(FlagSchema, form({ reason, comment: "   " }));
      expect(result).toMatchObject({ ok: false, errors: { comment: { key: "error.flag.commentRequired" } }, values: { reason } });
    }
    expect(parseForm(FlagSchema, form({ reason: "WRONG", comment: "De rente is 2,1 %, niet 1,8 %." })).ok).toBe(true);
  });

  it("refuses an unknown or missing reason and an oversize comment", () => {
    expect(parseForm(FlagSchema, form({ reason: "BORING", comment: "x" }))).toMatchObject({ ok: false, errors: { reason: { key: "error.flag.reason" } } });
    expect(parseForm(FlagSchema, form({ comment: "x" }))).toMatchObject({ ok: false, errors: { reason: { key: "error.flag.reason" } } });
    expect(parseForm(FlagSchema, form({ reason: "UNCLEAR", comment: "x".repeat(FLAG_LIMITS.commentMax + 1) }))).toMatchObject({
      ok: false,
      errors: { comment: { key: "error.tooLong", vars: { max: FLAG_LIMITS.commentMax } } },
    });
    expect(parseForm(FlagSchema, form({ reason: "UNCLEAR", comment: "x".repeat(FLAG_LIMITS.commentMax) })).ok).toBe(true);
  });

  it("keeps hostile text as text: markup is not a reason to refuse, nor changed", () => {
    const comment = `<script>alert("x")</script> "; DROP TABLE Flag; --`;
    expect(parseForm(FlagSchema, form({ reason: "OTHER", comment }))).toEqual({ ok: true, data: { reason: "OTHER", comment } });
  });
});

describe("ResolveFlagSchema and WithdrawFlagSchema", () => {
  const flagId = "cabcdefghij0123456789";
  it("require the reason no change is needed, within bounds", () => {
    expect(parseForm(ResolveFlagSchema, form({ intent: FLAG_INTENT.noChange, flagId, resolution: " Klopt: de rente geldt vanaf 1 maart. " }))).toEqual({
      ok: true,
      data: { intent: FLAG_INTENT.noChange, flagId, resolution: "Klopt: de rente geldt vanaf 1 maart." },
    });
    expect(parseForm(ResolveFlagSchema, form({ intent: FLAG_INTENT.noChange, flagId, resolution: " " }))).toMatchObject({ ok: false, errors: { resolution: { key: "error.flag.resolutionRequired" } } });
    expect(parseForm(ResolveFlagSchema, form({ intent: FLAG_INTENT.noChange, flagId }))).toMatchObject({ ok: false, errors: { resolution: { key: "error.flag.resolutionRequired" } } });
    expect(parseForm(ResolveFlagSchema, form({ intent: FLAG_INTENT.noChange, flagId, resolution: "x".repeat(FLAG_LIMITS.resolutionMax + 1) })).ok).toBe(false);
  });
  it("refuse a malformed flag id", () => {
    expect(parseForm(ResolveFlagSchema, form({ intent: FLAG_INTENT.noChange, flagId: "../x", resolution: "Klopt." }))).toMatchObject({ ok: false, errors: { flagId: { key: "error.notFound.body" } } });
    expect(parseForm(WithdrawFlagSchema, form({ intent: MY_FLAG_INTENT.withdraw, flagId }))).toEqual({ ok: true, data: { intent: MY_FLAG_INTENT.withdraw, flagId } });
    expect(parseForm(WithdrawFlagSchema, form({ intent: "delete", flagId })).ok).toBe(false);
  });
});
