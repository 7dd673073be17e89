/** A small report, the same for the CSV and the PDF tests: figures a reader can check by hand. */
import type { ReportMeta } from "~/models/report-export";

export const meta: ReportMeta = {
  communityName: "Sparen aan de lijn",
  departmentName: "Klantendienst Sparen",
  authorName: "Sofie",
  state: "SUBMITTED",
  periodStart: "2026-03-01",
  periodEnd: "2026-03-14",
  submittedAt: "2026-03-15",
  acknowledgedAt: null,
  highlights: ["Twee nieuwe artikels", "=HYPERLINK(\"http://x\")"],
  narrativeText: "Goed bezig,\nmet \"quotes\".",
  headComment: "",
};
export const figures = {
  time: {
    budget: 240,
    used: 300,
    over: true,
    members: [{ userId: "u1", name: "Ann", budget: 120, used: 200, over: true }, { userId: "u2", name: "Bob", budget: 120, used: 100, over: false }],
    periods: [{ start: "2026-03-01", end: "2026-03-14", budget: 240, used: 300 }],
  },
  members: { total: 3, active: 2, joined: 1, left: 0 },
  goals: { byStatus: { PROPOSED: 1, AGREED: 1, DONE: 0, DROPPED: 0 }, items: [{ id: "g1", title: "Twintig artikels", target: "20", status: "AGREED", dueDate: "2026-06-30", progress: 40 }] },
  activities: { held: 1, attendances: 2, items: [{ id: "a1", title: "Overleg", kind: "MEETING", startsAt: "2026-03-04T12:00:00.000Z", durationMinutes: 60, attendees: 2 }] },
  contributions: { notes: 1, questions: 2, answers: 3, questionsAnswered: 2, questionsAccepted: 1, contributors: 3, weeks: [{ start: "2026-03-01", notes: 0, questions: 2, answers: 2 }] },
  entries: { published: 1, helped: 2, mostHelpful: [{ id: "e1", title: "Nieuw artikel", helped: 2 }] },
};
