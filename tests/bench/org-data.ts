/**
 * The organisation of the reports benchmark (npm run bench:reports): 2 000 users in 6 departments,
 * 50 communities with memberships and leads, two years of field notes (200 000, decided ones with
 * reviewer and decidedAt), the entries they became, "this helped me" feedback, time logs, activities
 * with attendance and a search log. Deterministic (seeded) and fast: raw multi-row INSERTs inside
 * transactions on a fresh, migrated SQLite file, straight through @libsql/client.
 *
 * Exported for the other report measurements (report figures, the head's dashboard) to reuse.
 */
import { createClient, type Client, type InValue } from "@libsql/client";
import { prng, type Rng } from "./corpus";

export type OrgSize = {
  users: number;
  departments: number;
  communities: number;
  notes: number;
  days: number;
  searches: number;
  /** Time logs per member per 14-day period (on average). */
  timeLogsPerPeriod: number;
};

export const DEFAULT_ORG: OrgSize = { users: 2000, departments: 6, communities: 50, notes: 200_000, days: 730, searches: 300_000, timeLogsPerPeriod: 1.5 };

export type OrgCounts = Record<
  "departments" | "users" | "communities" | "memberships" | "notes" | "entries" | "feedback" | "timeEntries" | "activities" | "attendances" | "searchLogs",
  number
> & { notesByState: Record<string, number>; seconds: number };

/** What a measurement needs to know about the data: who is who, and the moment "now" of the data. */
export type OrgData = {
  counts: OrgCounts;
  now: Date;
  knowledgeManagerId: string;
  adminId: string;
  departmentIds: string[];
  headIds: string[];
  communityIds: string[];
  leadIds: string[];
};

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ts = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const day = (ms: number) => ts(Math.floor(ms / DAY) * DAY);
const id = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(7, "0")}`;

/** Inserts rows with multi-row INSERT statements of `chunk` rows, all inside one transaction. */
export async function insertAll(client: Client, table: string, columns: string[], rows: InValue[][], chunk = Math.floor(30_000 / columns.length)) {
  if (rows.length === 0) return;
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const tx = await client.transaction("write");
  try {
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      await tx.execute({ sql: head + part.map(() => tuple).join(", "), args: part.flat() });
    }
    await tx.commit();
  } catch (error) {
    await tx.rollback().catch(() => undefined);
    throw error;
  }
}

const TOPICS = ["spaarrekening", "termijnrekening", "getrouwheidspremie", "volmacht", "nalatenschap", "phishing", "itsme", "kaartlezer", "overschrijving", "kinderrekening", "basisrente", "spaarboekje"];
const PROBLEMS = ["klant begrijpt", "klant vraagt naar", "fout bij", "uitleg over", "klacht over", "wijziging in", "vraag over"];
const GAP_QUERIES = ["spaarrekening minderjarige opheffen", "termijnrekening vervroegd opnemen boete", "kinderrekening overdragen 18 jaar", "spaardoel wijzigen", "volmacht buitenland apostille", "groeipremie berekenen", "rente op rente uitleg", "spaarrekening bewindvoerder"];
const pick = <T>(rng: Rng, list: readonly T[]) => list[Math.floor(rng() * list.length)];

/** Fills an empty, migrated database at `databaseUrl`; `now` is the end of the two years. */
export async function buildOrganisation(databaseUrl: string, size: OrgSize = DEFAULT_ORG, now = new Date(), log: (m: string) => void = () => undefined): Promise<OrgData> {
  const started = Date.now();
  const rng = prng(20261122);
  const client = createClient({ url: databaseUrl });
  const nowMs = now.getTime();
  const start = nowMs - size.days * DAY;
  const counts = { notesByState: {} as Record<string, number> } as OrgCounts;
  try {
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA synchronous = OFF");

    // Departments, users (KM, admin, one head per department, the rest employees)
    const departmentIds = Array.from({ length: size.departments }, (_, i) => id("d", i));
    const userIds = Array.from({ length: size.users }, (_, i) => id("u", i));
    const knowledgeManagerId = userIds[0];
    const adminId = userIds[1];
    const headIds = departmentIds.map((_, i) => userIds[2 + i]);
    const hash = "$2a$04$benchbenchbenchbenchbeOq3xVd1Kc8h2Jx0bq0kzJ2m5bJQwJbW"; // nobody logs in here
    const created = ts(start - 30 * DAY);
    await insertAll(client, "Department", ["id", "name", "createdAt"], departmentIds.map((d, i) => [d, `Afdeling ${i + 1}`, created]));
    await insertAll(
      client,
      "User",
      ["id", "email", "name", "passwordHash", "role", "departmentId", "createdAt", "updatedAt"],
      userIds.map((u, i) => [u, `user${i}@bench.gilde`, `Medewerker ${i}`, hash, i === 0 ? "KNOWLEDGE_MANAGER" : i === 1 ? "ADMIN" : i < 2 + size.departments ? "DEPARTMENT_HEAD" : "EMPLOYEE", departmentIds[i % size.departments], created, created]),
    );
    const tx = await client.transaction("write");
    for (let i = 0; i < departmentIds.length; i++) await tx.execute({ sql: `UPDATE "Department" SET "headId" = ? WHERE "id" = ?`, args: [headIds[i], departmentIds[i]] });
    await tx.commit();
    counts.departments = departmentIds.length;
    counts.users = userIds.length;

    // Communities, memberships (each employee in 1–4 communities, the first two members lead), budget
    const communityIds = Array.from({ length: size.communities }, (_, i) => id("c", i));
    await insertAll(
      client,
      "Community",
      ["id", "name", "slug", "departmentId", "visibility", "budgetMinutes", "budgetPeriodDays", "status", "createdAt"],
      communityIds.map((c, i) => [c, `Community ${i + 1}`, `community-${i + 1}`, departmentIds[i % size.departments], i % 5 === 4 ? "CLOSED" : "OPEN", 120, 14, i % 25 === 24 ? "ARCHIVED" : "ACTIVE", created]),
    );
    const members = new Map<string, string[]>(communityIds.map((c) => [c, []]));
    const membershipRows: InValue[][] = [];
    const communitiesOf = new Map<string, string[]>();
    for (const u of userIds.slice(2 + size.departments)) {
      const n = 1 + Math.floor(rng() * 4);
      const mine = new Set<string>();
      while (mine.size < n) mine.add(pick(rng, communityIds));
      communitiesOf.set(u, [...mine]);
      for (const c of mine) members.get(c)!.push(u);
    }
    const leadIds: string[] = [];
    for (const [c, list] of members) {
      list.forEach((u, i) => {
        membershipRows.push([id("m", membershipRows.length), u, c, i < 2 ? "LEAD" : "MEMBER", created]);
        if (i < 2) leadIds.push(u);
      });
    }
    await insertAll(client, "Membership", ["id", "userId", "communityId", "role", "createdAt"], membershipRows);
    await insertAll(client, "MembershipHistory", ["id", "userId", "communityId", "joinedAt"], membershipRows.map((m, i) => [id("mh", i), m[1], m[2], created]));
    await insertAll(client, "BudgetChange", ["id", "communityId", "effectiveFrom", "minutes", "periodDays", "createdAt"], communityIds.map((c, i) => [id("b", i), c, day(start - 30 * DAY), 120, 14, created]));
    counts.communities = communityIds.length;
    counts.memberships = membershipRows.length;
    log(`  organisation: ${userIds.length} users, ${communityIds.length} communities, ${membershipRows.length} memberships`);

    // Notes over two years (more recently), their decisions and the entries they became
    const employees = userIds.slice(2 + size.departments);
    const entryRows: InValue[][] = [];
    const noteRows: InValue[][] = [];
    const published: { id: string; at: number }[] = [];
    for (let i = 0; i < size.notes; i++) {
      const createdAt = start + Math.floor(Math.sqrt(rng()) * size.days * DAY); // grows over time
      const author = pick(rng, employees);
      const mine = communitiesOf.get(author)!;
      const communityId = rng() < 0.35 ? null : pick(rng, mine);
      const kind = rng() < 0.1 ? "QUESTION" : "FIELD_NOTE";
      const ageDays = (nowMs - createdAt) / DAY;
      const title = `${pick(rng, PROBLEMS)} ${pick(rng, TOPICS)} (${i})`;
      let state: string;
      const s = rng();
      if (kind === "QUESTION" && s < 0.3) state = "OPEN";
      else if ((ageDays < 5 && s < 0.7) || s < 0.004) state = "SUBMITTED";
      else state = s < 0.42 ? "PUBLISHED" : s < 0.8 ? "MERGED" : "DECLINED";
      if (state === "MERGED" && published.length === 0) state = "PUBLISHED";
      let decidedAt: number | null = null;
      let entryId: string | null = null;
      if (state === "PUBLISHED" || state === "MERGED" || state === "DECLINED") {
        // Most decisions within a day or two, a long tail up to three weeks.
        decidedAt = Math.min(nowMs - 60_000, createdAt + Math.floor((0.5 + 20 * rng() ** 3 * 24) * HOUR + rng() * 48 * HOUR));
        if (state === "PUBLISHED") {
          entryId = id("e", entryRows.length);
          entryRows.push([entryId, title, "{}", title, communityId, knowledgeManagerId, "PUBLISHED", ts(nowMs + 365 * DAY - ((nowMs - decidedAt) % (365 * DAY))), ts(decidedAt), ts(decidedAt)]);
          published.push({ id: entryId, at: decidedAt });
        } else if (state === "MERGED") {
          entryId = published[Math.floor(rng() * published.length)].id;
        }
      }
      counts.notesByState[state] = (counts.notesByState[state] ?? 0) + 1;
      noteRows.push([id("n", i), kind, author, communityId, title, "{}", title, state, decidedAt ? knowledgeManagerId : null, state === "DECLINED" ? "Staat al in de kennisbank." : null, decidedAt ? ts(decidedAt) : null, entryId, ts(createdAt), ts(decidedAt ?? createdAt)]);
    }
    // Notes come in time order in real life; sort so rowids follow createdAt as they would.
    noteRows.sort((a, b) => String(a[12]).localeCompare(String(b[12])));
    await insertAll(client, "Entry", ["id", "title", "bodyJson", "bodyText", "communityId", "ownerId", "state", "reviewBy", "createdAt", "updatedAt"], entryRows);
    await insertAll(client, "Note", ["id", "kind", "authorId", "communityId", "title", "bodyJson", "bodyText", "state", "reviewerId", "decisionReason", "decidedAt", "entryId", "createdAt", "updatedAt"], noteRows);
    counts.notes = noteRows.length;
    counts.entries = entryRows.length;
    log(`  notes: ${noteRows.length} (${JSON.stringify(counts.notesByState)}), entries: ${entryRows.length}`);

    // "This helped me": a few distinct colleagues per entry, after publication
    const feedbackRows: InValue[][] = [];
    for (const e of published) {
      const votes = Math.floor(rng() ** 2 * 6);
      const voters = new Set<string>();
      while (voters.size < votes) voters.add(pick(rng, employees));
      for (const u of voters) feedbackRows.push([id("f", feedbackRows.length), e.id, u, rng() < 0.9 ? 1 : 0, ts(e.at + Math.floor(rng() * Math.max(HOUR, nowMs - e.at)))]);
    }
    await insertAll(client, "Feedback", ["id", "entryId", "userId", "helpful", "createdAt"], feedbackRows);
    counts.feedback = feedbackRows.length;

    // Activities (two a month per community) with attendance, and time logs: each member a few per 14 days
    const activityRows: InValue[][] = [];
    const attendanceRows: InValue[][] = [];
    const timeRows: InValue[][] = [];
    const kinds = ["MEETING", "INTERVISION", "LUNCH_AND_LEARN", "AFTER_ACTION_REVIEW"];
    for (const c of communityIds) {
      const list = members.get(c)!;
      if (list.length === 0) continue;
      for (let t = start + 7 * DAY; t < nowMs; t += 15 * DAY) {
        const a = id("a", activityRows.length);
        const at = Math.floor(t / DAY) * DAY + 12 * HOUR;
        activityRows.push([a, c, pick(rng, kinds), `Bijeenkomst ${activityRows.length}`, ts(at), 60, list[0], ts(at - 7 * DAY)]);
        const present = new Set<string>();
        const want = Math.min(list.length, 3 + Math.floor(rng() * 10));
        while (present.size < want) present.add(pick(rng, list));
        for (const u of present) attendanceRows.push([a, u, ts(at)]);
      }
      for (const u of list) {
        for (let p = start; p < nowMs; p += 14 * DAY) {
          const logs = Math.floor(size.timeLogsPerPeriod * 2 * rng() + 0.5);
          for (let k = 0; k < logs; k++) {
            const date = Math.min(nowMs, p + Math.floor(rng() * 14) * DAY);
            timeRows.push([id("t", timeRows.length), u, c, day(date), 15 * (1 + Math.floor(rng() * 8)), "Voorbereiding en overleg", ts(date)]);
          }
        }
      }
    }
    await insertAll(client, "Activity", ["id", "communityId", "kind", "title", "startsAt", "durationMinutes", "createdById", "createdAt"], activityRows);
    await insertAll(client, "Attendance", ["activityId", "userId", "createdAt"], attendanceRows);
    await insertAll(client, "TimeEntry", ["id", "userId", "communityId", "date", "minutes", "what", "createdAt"], timeRows);
    counts.activities = activityRows.length;
    counts.attendances = attendanceRows.length;
    counts.timeEntries = timeRows.length;
    log(`  activities: ${activityRows.length}, attendance: ${attendanceRows.length}, time logs: ${timeRows.length}`);

    // The search log: most searches find something, ~8 % find nothing (a few gaps recur, the rest are one-offs)
    const searchRows: InValue[][] = [];
    for (let i = 0; i < size.searches; i++) {
      const at = start + Math.floor(Math.sqrt(rng()) * size.days * DAY);
      const r = rng();
      const query = r < 0.05 ? pick(rng, GAP_QUERIES) : r < 0.08 ? `${pick(rng, TOPICS)} ${Math.floor(rng() * 5000)}` : `${pick(rng, TOPICS)} ${pick(rng, PROBLEMS)}`;
      searchRows.push([id("s", i), pick(rng, employees), query, r < 0.08 ? 0 : 1 + Math.floor(rng() * 40), ts(at)]);
    }
    await insertAll(client, "SearchLog", ["id", "userId", "query", "resultCount", "createdAt"], searchRows);
    counts.searchLogs = searchRows.length;
    counts.seconds = (Date.now() - started) / 1000;
    return { counts, now, knowledgeManagerId, adminId, departmentIds, headIds, communityIds, leadIds: [...new Set(leadIds)] };
  } finally {
    client.close();
  }
}
