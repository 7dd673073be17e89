/**
 * The morning digest against the database and a real SMTP server: who gets one, what is in it (only what
 * they may see, in their communities and topics, in their period), in which language, once a day, and
 * nothing when there is nothing new. Moments are fixed: Monday 7 December 2026, 08:05 in Brussels.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { sendDigests } from "~/commands/send-digests.server";
import { processMailQueue } from "~/mail/queue.server";
import { body, makeCommunity, makeDepartment, makeUser, uid } from "../support/factories";
import { TestSmtpServer } from "../support/smtp";

const MONDAY = new Date("2026-12-07T07:05:00Z");
const APP_URL = "https://gilde.example.org";
let smtp: TestSmtpServer;

type Version = { at: string; version?: number };

async function entry(title: string, communityId: string | null, versions: Version[], opts: { tagIds?: string[]; state?: string } = {}) {
  const content = body(title);
  const ownerId = (await makeUser({ role: "KNOWLEDGE_MANAGER" })).id;
  return db.entry.create({
    data: {
      title,
      bodyJson: content.json,
      bodyText: content.text,
      communityId,
      ownerId,
      state: opts.state ?? "PUBLISHED",
      version: versions.length,
      tags: { create: (opts.tagIds ?? []).map((tagId) => ({ tagId })) },
      versions: {
        create: versions.map((v, i) => ({ version: i + 1, title, bodyJson: content.json, bodyText: content.text, tags: "[]", editorId: ownerId, summary: "", createdAt: new Date(v.at) })),
      },
    },
  });
}

const digestOf = (userId: string, day = "2026-12-07") => db.mailMessage.findUnique({ where: { dedupeKey: `digest:${userId}:${day}` } });

let people: Record<"an" | "dan" | "carl" | "eve" | "off", { id: string; email: string }>;
let entries: Record<string, { id: string }>;

beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "gilde@example.org";
  process.env.APP_URL = APP_URL;
  resetEnvCache();

  const department = await makeDepartment();
  const an = await makeUser({ locale: "nl", name: "An" });
  const dan = await makeUser({ locale: "en", name: "Dan" });
  const carl = await makeUser({ locale: "nl", name: "Carl" });
  const eve = await makeUser({ locale: "nl", name: "Eve" });
  const off = await makeUser({ locale: "nl", name: "Off" });
  people = { an, dan, carl, eve, off };
  const open = await makeCommunity({ departmentId: department.id, memberIds: [an.id, dan.id, off.id] });
  const closed = await makeCommunity({ departmentId: department.id, visibility: "CLOSED", memberIds: [carl.id] });
  await db.notificationPreference.create({ data: { userId: off.id, digestEnabled: false } });
  // An's topic: a tag of a note she wrote.
  const topic = await db.tag.create({ data: { name: uid("onderwerp-") } });
  const content = body("notitie");
  await db.note.create({ data: { authorId: an.id, title: "Mijn notitie", bodyJson: content.json, bodyText: content.text, tags: { create: [{ tagId: topic.id }] } } });

  entries = {
    // Friday's digest moment is 2026-12-04T07:00Z: the first digest's period starts there.
    fresh: await entry(`Nieuw in open ${uid()}`, open.id, [{ at: "2026-12-04T10:00:00Z" }]),
    edited: await entry(`Gewijzigd in open ${uid()}`, open.id, [{ at: "2026-11-01T10:00:00Z" }, { at: "2026-12-05T09:00:00Z" }]),
    closedTopic: await entry(`Gesloten met onderwerp ${uid()}`, closed.id, [{ at: "2026-12-05T10:00:00Z" }], { tagIds: [topic.id] }),
    topic: await entry(`Onderwerp zonder community ${uid()}`, null, [{ at: "2026-12-06T10:00:00Z" }], { tagIds: [topic.id] }),
    before: await entry(`Voor de periode ${uid()}`, open.id, [{ at: "2026-12-04T06:30:00Z" }]),
    archived: await entry(`Gearchiveerd ${uid()}`, open.id, [{ at: "2026-12-05T11:00:00Z" }], { state: "ARCHIVED" }),
    later: await entry(`Na de digest ${uid()}`, open.id, [{ at: "2026-12-07T09:00:00Z" }]),
  };
});

afterAll(async () => {
  await smtp.stop();
});

describe("the morning digest", () => {
  it("is not sent at the weekend nor before the digest time", async () => {
    expect(await sendDigests(new Date("2026-12-05T09:00:00Z"))).toBe(0);
    expect(await sendDigests(new Date("2026-12-07T06:55:00Z"))).toBe(0);
    expect(await db.mailMessage.count({ where: { dedupeKey: { startsWith: "digest:" } } })).toBe(0);
  });

  it("lists, per person and in their language, only what they may see in their communities and topics since the last digest", async () => {
    await sendDigests(MONDAY);
    const an = (await digestOf(people.an.id))!;
    expect(an.subject).toBe("Gilde: 3 artikels nieuw of gewijzigd");
    for (const key of ["fresh", "edited", "topic"]) expect(an.text).toContain(`${APP_URL}/entries/${entries[key].id}`);
    for (const key of ["closedTopic", "before", "archived", "later"]) expect(an.text).not.toContain(entries[key].id);
    expect(an.text).toContain(`${APP_URL}/new`);
    expect(an.text).toContain(`${APP_URL}/settings/notifications`);

    const dan = (await digestOf(people.dan.id))!;
    expect(dan.subject).toBe("Gilde: 2 entries new or changed");
    expect(dan.text).toContain("Hello Dan,");
    expect(dan.text).not.toContain(entries.topic.id);

    const carl = (await digestOf(people.carl.id))!;
    expect(carl.text).toContain(entries.closedTopic.id);
    expect(carl.subject).toBe("Gilde: 1 artikel nieuw of gewijzigd");
  });

  it("is skipped when nothing is new, and never sent to who turned it off", async () => {
    expect(await digestOf(people.eve.id)).toBeNull();
    expect((await db.notificationPreference.findUniqueOrThrow({ where: { userId: people.eve.id } })).lastDigestAt).toEqual(MONDAY);
    expect(await digestOf(people.off.id)).toBeNull();
    expect((await db.notificationPreference.findUniqueOrThrow({ where: { userId: people.off.id } })).lastDigestAt).toBeNull();
  });

  it("goes once a day however often the sweep runs, and the next day's period starts at the last digest", async () => {
    const before = await db.mailMessage.count();
    expect(await sendDigests(new Date("2026-12-07T07:15:00Z"))).toBe(0);
    expect(await sendDigests(new Date("2026-12-07T16:00:00Z"))).toBe(0);
    expect(await db.mailMessage.count()).toBe(before);

    await sendDigests(new Date("2026-12-08T07:05:00Z"));
    const tuesday = (await digestOf(people.an.id, "2026-12-08"))!;
    expect(tuesday.subject).toBe("Gilde: 1 artikel nieuw of gewijzigd");
    expect(tuesday.text).toContain(entries.later.id);
    expect(await digestOf(people.carl.id, "2026-12-08")).toBeNull();
  });

  it("reaches the person's mailbox through the queue", async () => {
    await processMailQueue();
    const [mail, ...more] = smtp.to(people.an.email);
    expect(more).toHaveLength(1); // Monday's and Tuesday's
    expect(mail.parsed.subject).toBe("Gilde: 3 artikels nieuw of gewijzigd");
    expect(mail.parsed.html).toContain(`${APP_URL}/entries/${entries.fresh.id}`);
  });

  it("sends nothing without SMTP_URL", async () => {
    delete process.env.SMTP_URL;
    resetEnvCache();
    try {
      expect(await sendDigests(new Date("2026-12-09T07:05:00Z"))).toBe(0);
    } finally {
      process.env.SMTP_URL = smtp.url;
      resetEnvCache();
    }
  });
});
