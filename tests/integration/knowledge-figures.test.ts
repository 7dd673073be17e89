/** The knowledge manager's figures from aggregate SQL, checked against a hand-computed organisation and an empty period. */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { decisionFigures, knowledgeFigures, submissionsPerBucket } from "~/models/knowledge-figures.server";
import { periodEndingAt } from "~/utils/knowledge-figures";
import { makeCommunity, makeDepartment, makeUser } from "../support/factories";

const NOW = new Date("2030-03-31T12:00:00Z"); // 30 days: 2030-03-02T00:00Z … now
const d = (iso: string) => new Date(`${iso}Z`);
const ids: Record<string, string> = {};

beforeAll(async () => {
  // This file's database is its own copy of the empty template: the fixture below is all there is.
  const dept = await makeDepartment("Klantendienst Sparen");
  const [a1, a2, a3, km] = [await makeUser(), await makeUser(), await makeUser(), await makeUser({ role: "KNOWLEDGE_MANAGER" })];
  const c1 = await makeCommunity({ departmentId: dept.id });
  const c2 = await makeCommunity({ departmentId: dept.id });
  const c3 = await makeCommunity({ departmentId: dept.id });
  await db.community.update({ where: { id: c1.id }, data: { name: "Sparen aan de lijn" } });
  await db.community.update({ where: { id: c2.id }, data: { name: "Fraude en veiligheid" } });
  await db.community.update({ where: { id: c3.id }, data: { name: "Kredieten (gearchiveerd)", status: "ARCHIVED" } });
  Object.assign(ids, { a1: a1.id, a2: a2.id, a3: a3.id, km: km.id, c1: c1.id, c2: c2.id });

  const e1 = await db.entry.create({ data: { title: "B: spaarrekening openen", bodyJson: "{}", bodyText: "", ownerId: km.id } });
  const e2 = await db.entry.create({ data: { title: "A: termijnrekening opzeggen", bodyJson: "{}", bodyText: "", ownerId: km.id } });
  Object.assign(ids, { e1: e1.id, e2: e2.id });

  const note = (title: string, authorId: string, communityId: string | null, state: string, created: string, decided?: string, entryId?: string, kind = "FIELD_NOTE") => ({
    title,
    authorId,
    communityId,
    state,
    kind,
    bodyJson: "{}",
    bodyText: "",
    createdAt: d(created),
    decidedAt: decided ? d(decided) : null,
    reviewerId: decided ? km.id : null,
    entryId: entryId ?? null,
  });
  await db.note.createMany({
    data: [
      note("n1 wacht", a1.id, c1.id, "SUBMITTED", "2030-03-20T10:00:00"),
      note("n2 wacht al lang", a2.id, null, "SUBMITTED", "2030-01-10T10:00:00"),
      note("n3 gepubliceerd na 12 u", a1.id, c1.id, "PUBLISHED", "2030-03-10T08:00:00", "2030-03-10T20:00:00", e1.id),
      note("n4 gepubliceerd na 24 u", a2.id, c1.id, "PUBLISHED", "2030-03-11T08:00:00", "2030-03-12T08:00:00", e2.id),
      note("n5 samengevoegd na 48 u", a3.id, null, "MERGED", "2030-03-12T08:00:00", "2030-03-14T08:00:00", e1.id),
      note("n6 afgewezen na 120 u", a1.id, c1.id, "DECLINED", "2030-03-13T08:00:00", "2030-03-18T08:00:00"),
      note("n7 beslist vóór de periode", a3.id, c1.id, "PUBLISHED", "2030-02-01T08:00:00", "2030-02-03T08:00:00", e2.id),
      note("n8 geschreven vóór, beslist in de periode na 96 u", a2.id, c1.id, "DECLINED", "2030-02-27T08:00:00", "2030-03-03T08:00:00"),
      note("n9 open vraag", a3.id, c2.id, "OPEN", "2030-03-25T09:00:00", undefined, undefined, "QUESTION"),
      note("n10 beslist na nu", a1.id, c1.id, "PUBLISHED", "2030-03-30T08:00:00", "2030-04-02T08:00:00", e1.id),
    ],
  });

  await db.feedback.createMany({
    data: [
      { entryId: e1.id, userId: a1.id, helpful: true, createdAt: d("2030-03-15T10:00:00") },
      { entryId: e1.id, userId: a2.id, helpful: true, createdAt: d("2030-03-16T10:00:00") },
      { entryId: e1.id, userId: a3.id, helpful: true, createdAt: d("2030-03-02T00:00:00") },
      { entryId: e1.id, userId: km.id, helpful: true, createdAt: d("2030-02-01T10:00:00") },
      { entryId: e2.id, userId: a1.id, helpful: true, createdAt: d("2030-03-20T10:00:00") },
      { entryId: e2.id, userId: a2.id, helpful: false, createdAt: d("2030-03-21T10:00:00") },
    ],
  });

  const search = (query: string, resultCount: number, at: string, userId: string | null = a1.id) => ({ userId, query, resultCount, createdAt: d(at) });
  await db.searchLog.createMany({
    data: [
      search("spaarrekening minderjarige opheffen", 0, "2030-03-05T09:00:00"),
      search("spaarrekening minderjarige opheffen", 0, "2030-03-20T09:00:00", a2.id),
      search("spaarrekening minderjarige opheffen", 0, "2030-03-30T09:00:00", a3.id),
      search("termijnrekening vervroegd opnemen boete", 0, "2030-03-31T11:00:00"),
      search("volmacht", 4, "2030-03-10T09:00:00"),
      search("oud product", 0, "2030-02-01T09:00:00"),
      search("oud product", 0, "2030-02-02T09:00:00"),
      search("morgen", 0, "2030-04-01T09:00:00"),
    ],
  });
});

describe("knowledgeFigures", () => {
  it("computes every figure of the last 30 days by hand", async () => {
    const f = await knowledgeFigures(periodEndingAt(NOW, 30), NOW);

    // Inbox now: n1 and n2; n2 written 2030-01-10 10:00 → 80 whole days before 2030-03-31 12:00.
    expect(f.inbox).toEqual({ count: 2, oldestSubmittedAt: d("2030-01-10T10:00:00"), oldestAgeDays: 80 });

    // Decided in the period: n3 (12 h), n4 (24 h), n5 (48 h), n6 (120 h), n8 (96 h); not n7 (before), not n10 (after now).
    expect(f.decisions.total).toBe(5);
    expect(f.decisions.shares).toEqual([
      { key: "PUBLISHED", count: 2, percent: 40 },
      { key: "MERGED", count: 1, percent: 20 },
      { key: "DECLINED", count: 2, percent: 40 },
    ]);
    // Sorted 12, 24, 48, 96, 120: p50 = 3rd, p90 = 5th.
    expect(f.decisionTime.n).toBe(5);
    expect(f.decisionTime.p50Hours).toBeCloseTo(48, 6);
    expect(f.decisionTime.p90Hours).toBeCloseTo(120, 6);
    expect(f.reuse).toEqual({ created: 2, reused: 1, reuseRate: 1 / 3 });

    // Helpful in the period: e1 three times (one vote before the period does not count), e2 once ("did not help" does not count).
    expect(f.helpful).toEqual([
      { entryId: ids.e1, title: "B: spaarrekening openen", state: "PUBLISHED", count: 3 },
      { entryId: ids.e2, title: "A: termijnrekening opzeggen", state: "PUBLISHED", count: 1 },
    ]);

    // Gaps: zero-result searches in the period only, most frequent first.
    expect(f.gaps).toEqual([
      { query: "spaarrekening minderjarige opheffen", count: 3, lastSeen: d("2030-03-30T09:00:00") },
      { query: "termijnrekening vervroegd opnemen boete", count: 1, lastSeen: d("2030-03-31T11:00:00") },
    ]);
    expect(f.searches).toEqual({ total: 5, zero: 4 });

    // Written in the period: n1, n3, n6 (c1, a1), n4 (c1, a2), n5 (no community, a3), n9 (c2, a3), n10 (c1, a1).
    // The archived community without notes is left out; the active one without notes would show 0.
    expect(f.contributors).toEqual([
      { communityId: ids.c1, name: "Sparen aan de lijn", contributors: 2, notes: 5 },
      { communityId: ids.c2, name: "Fraude en veiligheid", contributors: 1, notes: 1 },
      { communityId: null, name: null, contributors: 1, notes: 1 },
    ]);

    // Sent to curation per day (open questions are not): 03-10, 03-11, 03-12, 03-13, 03-20, 03-30.
    expect(f.submissions).toHaveLength(30);
    const perDay = Object.fromEntries(f.submissions.filter((b) => b.count).map((b) => [b.start.toISOString().slice(0, 10), b.count]));
    expect(perDay).toEqual({ "2030-03-10": 1, "2030-03-11": 1, "2030-03-12": 1, "2030-03-13": 1, "2030-03-20": 1, "2030-03-30": 1 });
  });

  it("gives zeros and empty lists for a period without activity (the inbox is today's)", async () => {
    const now = new Date("2031-06-30T12:00:00Z");
    const f = await knowledgeFigures(periodEndingAt(now, 7), now);
    expect(f.inbox.count).toBe(2);
    expect(f.decisions.total).toBe(0);
    expect(f.decisions.shares.map((s) => [s.count, s.percent])).toEqual([[0, 0], [0, 0], [0, 0]]);
    expect(f.decisionTime).toEqual({ n: 0, p50Hours: null, p90Hours: null });
    expect(f.reuse).toEqual({ created: 0, reused: 0, reuseRate: null });
    expect(f.helpful).toEqual([]);
    expect(f.gaps).toEqual([]);
    expect(f.searches).toEqual({ total: 0, zero: 0 });
    expect(f.contributors).toEqual([
      { communityId: ids.c2, name: "Fraude en veiligheid", contributors: 0, notes: 0 },
      { communityId: ids.c1, name: "Sparen aan de lijn", contributors: 0, notes: 0 },
      { communityId: null, name: null, contributors: 0, notes: 0 },
    ]);
    expect(f.submissions.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("the 7-day period and weekly buckets of 90 days", async () => {
    const f7 = await knowledgeFigures(periodEndingAt(NOW, 7), NOW);
    // 2030-03-25 … now: decided nothing; n9 (open question) and n10 written; the gap of 03-30 and 03-31.
    expect(f7.decisions.total).toBe(0);
    expect(f7.gaps.map((g) => [g.query, g.count])).toEqual([
      ["termijnrekening vervroegd opnemen boete", 1],
      ["spaarrekening minderjarige opheffen", 1],
    ]);
    const f90 = await knowledgeFigures(periodEndingAt(NOW, 90), NOW);
    // 90 days: 2030-01-01 … now; adds n7 (decided 02-03, 48 h); all 10 notes but n9 sent to curation in 13 weeks.
    expect(f90.decisions.total).toBe(6);
    expect(f90.submissions).toHaveLength(13);
    expect(f90.submissions.reduce((s, b) => s + b.count, 0)).toBe(9);
  });

  it("counts each note in the bucket its moment falls in, to the millisecond, and none outside the period", async () => {
    // 2033, far from the other cases: a 90-day period (13 weeks) with notes on and around the edges.
    const now = new Date("2033-09-30T15:30:00.000Z");
    const period = periodEndingAt(now, 90);
    const at = (ms: number) => new Date(period.from.getTime() + ms);
    const WEEK = 7 * 86_400_000;
    const moments = [
      [at(-1), null], // before the period
      [at(0), 0],
      [at(WEEK - 1), 0],
      [at(WEEK), 1],
      [at(12 * WEEK - 1), 11],
      [at(12 * WEEK), 12],
      [now, 12], // the end of the period is in it
      [new Date(now.getTime() + 1), null], // after it
    ] as const;
    const states = ["SUBMITTED", "PUBLISHED", "MERGED", "DECLINED", "WITHDRAWN"];
    await db.note.createMany({
      data: [
        ...moments.map(([createdAt], i) => ({ title: `rand ${i}`, authorId: ids.a1, state: states[i % states.length], bodyJson: "{}", bodyText: "", createdAt })),
        // An open question is not sent to curation.
        { title: "open vraag", authorId: ids.a1, state: "OPEN", kind: "QUESTION", bodyJson: "{}", bodyText: "", createdAt: at(WEEK) },
      ],
    });
    const expected = new Array<number>(13).fill(0);
    for (const [, bucket] of moments) if (bucket !== null) expected[bucket] += 1;
    expect((await submissionsPerBucket(period)).map((b) => b.count)).toEqual(expected);
  });

  it("reads the nearest-rank p50 and p90 of many decision times, skipping decisions outside the period", async () => {
    // 2032, far from the other cases. Durations in whole minutes, some repeated; decisions before and after the
    // period with shorter and longer durations sit in the same index between the ones that count.
    const now = new Date("2032-06-30T12:00:00Z");
    const period = periodEndingAt(now, 30);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const inside: number[] = [];
    const rows = [];
    for (let i = 0; i < 60; i++) {
      const minutes = i % 10 === 0 ? 600 : 1 + Math.floor(random() * 20_000);
      const where = i % 3 === 0 ? "before" : i % 7 === 0 ? "after" : "inside";
      const decided = where === "before" ? new Date(period.from.getTime() - 3_600_000 * (1 + i)) : where === "after" ? new Date(now.getTime() + 3_600_000 * (1 + i)) : new Date(period.from.getTime() + 3_600_000 * (1 + i));
      if (where === "inside") inside.push(minutes);
      rows.push({
        title: `besluit ${i}`,
        authorId: ids.a1,
        state: ["PUBLISHED", "MERGED", "DECLINED"][i % 3],
        bodyJson: "{}",
        bodyText: "",
        createdAt: new Date(decided.getTime() - minutes * 60_000),
        decidedAt: decided,
        reviewerId: ids.km,
      });
    }
    await db.note.createMany({ data: rows });
    const sorted = [...inside].sort((a, b) => a - b);
    const nearestRank = (p: number) => sorted[Math.ceil(p * sorted.length) - 1] / 60;
    const f = await decisionFigures(period);
    expect(f.decisionTime.n).toBe(inside.length);
    expect(f.decisionTime.p50Hours).toBeCloseTo(nearestRank(0.5), 9);
    expect(f.decisionTime.p90Hours).toBeCloseTo(nearestRank(0.9), 9);
  });
});
