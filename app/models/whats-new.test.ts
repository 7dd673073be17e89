import { describe, expect, it } from "vitest";
import type { Actor } from "~/policies/policies";
import { indexChanged, whatsNewFor, type ChangedEntry } from "./whats-new";

const open = { id: "c-open", name: "Sparen", visibility: "OPEN", departmentId: "d1" };
const closed = { id: "c-closed", name: "Fraude", visibility: "CLOSED", departmentId: "d1" };
const at = (h: number) => new Date(Date.UTC(2026, 11, 7, h));
const entry = (id: string, community: ChangedEntry["community"], tagIds: string[], lastHour: number, publishedHour: number | null): ChangedEntry => ({
  id,
  title: id,
  community,
  tagIds,
  lastAt: at(lastHour),
  publishedAt: publishedHour === null ? null : at(publishedHour),
});
const actor = (communityIds: string[], role: Actor["role"] = "EMPLOYEE"): Actor => ({ id: "u", role, departmentId: null, communityIds, headOfDepartmentId: null });

describe("whatsNewFor", () => {
  const index = indexChanged([
    entry("a", open, ["t1"], 10, 10),
    entry("b", open, [], 8, null),
    entry("c", closed, ["t1"], 9, 9),
    entry("d", null, ["t1"], 7, 7),
    entry("e", open, [], 3, 3),
  ]);

  it("takes the reader's communities and topics, once each, the most recent first, after their start", () => {
    const result = whatsNewFor(index, { actor: actor(["c-open"]), tagIds: ["t1"], since: at(5) }, 10);
    expect(result.items.map((i) => [i.id, i.change])).toEqual([
      ["a", "new"],
      ["b", "changed"],
      ["d", "new"],
    ]);
    expect(result.total).toBe(3);
  });

  it("never shows a closed community's entry to a non-member, even through a topic", () => {
    expect(whatsNewFor(index, { actor: actor([]), tagIds: ["t1"], since: at(0) }, 10).items.map((i) => i.id)).toEqual(["a", "d"]);
    expect(whatsNewFor(index, { actor: actor(["c-closed"]), tagIds: [], since: at(0) }, 10).items.map((i) => i.id)).toEqual(["c"]);
  });

  it("counts past the limit and calls an entry new only when it was published after the reader's start", () => {
    const result = whatsNewFor(index, { actor: actor(["c-open"]), tagIds: [], since: at(0) }, 1);
    expect(result).toMatchObject({ total: 3, items: [{ id: "a" }] });
    expect(whatsNewFor(index, { actor: actor(["c-open"]), tagIds: [], since: at(10) }, 5).total).toBe(0);
  });
});
