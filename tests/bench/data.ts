/**
 * Loads the benchmark database: an organisation (department, communities, users) and N synthetic
 * entries with tags, inserted with createMany in large batches (no entry versions, no outbox rows:
 * the index is built by the reindex, as after a restore).
 */
import bcrypt from "bcryptjs";
import { plainTextToRichText, richTextToPlainText } from "~/schemas/rich-text.shared";
import { openDatabase } from "../../server/db-copy";
import { ALL_TAGS, between, makeEntry, prng } from "./corpus";

export const BENCH_PASSWORD = "bench-password-2025";
export const EMPLOYEE_EMAIL = "bench-employee@gilde.test";
export const KM_EMAIL = "bench-km@gilde.test";

export type LoadedData = {
  entries: number;
  byState: Record<string, number>;
  inClosedCommunity: number;
  withCommunity: number;
  entryTags: number;
  avgBodyWords: number;
  noteIds: string[];
  seconds: number;
};

const BATCH = 5000;
const DAY = 86_400_000;

function richBody(text: string) {
  const state = plainTextToRichText(text);
  return { json: JSON.stringify(state), text: richTextToPlainText(state) };
}

export async function loadBenchData(databaseUrl: string, count: number, notes: number, log: (m: string) => void): Promise<LoadedData> {
  const started = Date.now();
  // SQLite or PostgreSQL, as the URL says (the pages benchmark loads both).
  const db = openDatabase(databaseUrl);
  try {
    const passwordHash = await bcrypt.hash(BENCH_PASSWORD, 10);
    // Upserts: the pages benchmark loads these entries beside the demo organisation, which has the same department and tags.
    const department = await db.department.upsert({ where: { name: "Klantendienst Sparen" }, create: { name: "Klantendienst Sparen" }, update: {} });
    const km = await db.user.create({
      data: { email: KM_EMAIL, name: "Kennis Manager", role: "KNOWLEDGE_MANAGER", passwordHash, departmentId: department.id },
    });
    const employee = await db.user.create({
      data: { email: EMPLOYEE_EMAIL, name: "Bench Medewerker", role: "EMPLOYEE", passwordHash, departmentId: department.id },
    });
    const community = (slug: string, name: string, visibility: "OPEN" | "CLOSED") =>
      db.community.create({ data: { slug, name, visibility, departmentId: department.id } });
    const sparen = await community("bench-sparen", "Sparen", "OPEN");
    const fraude = await community("bench-fraude", "Fraude & veiligheid", "OPEN");
    const closed = await community("bench-nalatenschappen", "Nalatenschappen (gesloten)", "CLOSED");
    // The knowledge manager belongs to all three; the employee to none (search filter: public only).
    await db.membership.createMany({ data: [sparen, fraude, closed].map((c) => ({ userId: km.id, communityId: c.id })) });

    const tagIds = new Map<string, string>();
    for (const name of ALL_TAGS) tagIds.set(name, (await db.tag.upsert({ where: { name }, create: { name }, update: {} })).id);

    const rng = prng(20251122);
    const now = Date.now();
    const byState: Record<string, number> = {};
    let inClosed = 0;
    let withCommunity = 0;
    let entryTags = 0;
    let words = 0;
    for (let start = 0; start < count; start += BATCH) {
      const entries = [];
      const tags: { entryId: string; tagId: string }[] = [];
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const e = makeEntry(rng);
        const id = `bench${i.toString(36).padStart(8, "0")}`;
        const c = rng();
        const communityId = c < 0.55 ? null : c < 0.75 ? sparen.id : c < 0.9 ? fraude.id : closed.id;
        if (communityId) withCommunity++;
        if (communityId === closed.id) inClosed++;
        const s = rng();
        const state = s < 0.9 ? "PUBLISHED" : s < 0.98 ? "NEEDS_REVIEW" : "ARCHIVED";
        byState[state] = (byState[state] ?? 0) + 1;
        const updatedAt = new Date(now - Math.floor(rng() * 3 * 365 * DAY));
        const body = richBody(e.body);
        words += body.text.split(/\s+/).filter(Boolean).length;
        entries.push({
          id,
          title: e.title,
          bodyJson: body.json,
          bodyText: body.text,
          communityId,
          ownerId: km.id,
          state,
          helpfulCount: Math.floor(rng() ** 3 * 40),
          reuseCount: Math.floor(rng() ** 3 * 25),
          // Reviewed on schedule: the next review falls on the first anniversary still ahead, so the
          // knowledge sweep at boot has nothing to mark and the index stays still while it is measured.
          reviewBy: new Date(now + 365 * DAY - ((now - updatedAt.getTime()) % (365 * DAY))),
          createdAt: new Date(updatedAt.getTime() - between(rng, 0, 400) * DAY),
          updatedAt,
        });
        for (const tag of e.tags) tags.push({ entryId: id, tagId: tagIds.get(tag)! });
      }
      await db.entry.createMany({ data: entries });
      await db.entryTag.createMany({ data: tags });
      entryTags += tags.length;
      if ((start / BATCH) % 4 === 3 || start + BATCH >= count) log(`  entries: ${Math.min(count, start + BATCH)}/${count}`);
    }

    // Submitted field notes for the publish measurement, written by the employee, outside any community.
    const noteIds: string[] = [];
    for (let i = 0; i < notes; i++) {
      const body = richBody(`Klant vroeg naar de getrouwheidspremie na een interne overschrijving (bench-notitie ${i + 1}).`);
      const note = await db.note.create({
        data: { authorId: employee.id, title: `Bench-notitie ${i + 1}`, bodyJson: body.json, bodyText: body.text },
        select: { id: true },
      });
      noteIds.push(note.id);
    }
    return {
      entries: count,
      byState,
      inClosedCommunity: inClosed,
      withCommunity,
      entryTags,
      avgBodyWords: Math.round(words / count),
      noteIds,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await db.$disconnect();
  }
}
