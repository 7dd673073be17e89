import { createHash } from "node:crypto";
import type { Tx } from "~/utils/db.server";
import { documentTokens } from "~/policies/visibility";
import { textTerms } from "./dutch";
import { activeSearchSteps } from "./steps.server";

/** What Meilisearch holds for one entry. Derived from the database; never edited by hand. */
export type EntryDocument = {
  id: string;
  title: string;
  body: string;
  tags: string[];
  communityId: string | null;
  communityName: string | null;
  state: string;
  /** The tokens of app/policies/visibility.ts: "public", or for a closed community ["community:<id>", "department:<id>"]. */
  visibility: string[];
  updatedAt: number;
  helpfulCount: number;
  reuseCount: number;
  /** Dutch stems and compound parts of the title and tags, then of the body (search/dutch.ts): searched after the real text. */
  titleTerms?: string;
  bodyTerms?: string;
};

export const entryDocumentSelect = {
  id: true,
  title: true,
  bodyText: true,
  state: true,
  updatedAt: true,
  helpfulCount: true,
  reuseCount: true,
  communityId: true,
  community: { select: { name: true, visibility: true, departmentId: true } },
  tags: { select: { tag: { select: { name: true } } } },
} as const;

type EntryRow = {
  id: string;
  title: string;
  bodyText: string;
  state: string;
  updatedAt: Date;
  helpfulCount: number;
  reuseCount: number;
  communityId: string | null;
  community: { name: string; visibility: string; departmentId: string } | null;
  tags: { tag: { name: string } }[];
};

export function toEntryDocument(row: EntryRow): EntryDocument {
  const tags = row.tags.map((t) => t.tag.name).sort();
  const steps = activeSearchSteps();
  const forms = { stems: steps.stems, compounds: steps.compounds };
  const terms = forms.stems || forms.compounds ? { titleTerms: textTerms(`${row.title} ${tags.join(" ")}`, forms), bodyTerms: textTerms(row.bodyText, forms) } : {};
  return {
    id: row.id,
    title: row.title,
    body: row.bodyText,
    tags,
    communityId: row.communityId,
    communityName: row.community?.name ?? null,
    state: row.state,
    visibility: documentTokens(row.community && row.communityId ? { id: row.communityId, ...row.community } : null),
    updatedAt: Math.floor(row.updatedAt.getTime() / 1000),
    helpfulCount: row.helpfulCount,
    reuseCount: row.reuseCount,
    ...terms,
  };
}

export async function loadEntryDocuments(db: Tx, ids: string[]): Promise<EntryDocument[]> {
  const rows = await db.entry.findMany({ where: { id: { in: ids } }, select: entryDocumentSelect });
  return rows.map(toEntryDocument);
}

/** What Meilisearch holds for one question (a Note of kind QUESTION in a community). */
export type QuestionDocument = {
  id: string;
  title: string;
  body: string;
  tags: string[];
  communityId: string;
  communityName: string;
  communitySlug: string;
  state: string;
  /** Same scheme as entries: "public", or ["community:<id>", "department:<id>"] for a closed community. */
  visibility: string[];
  answerCount: number;
  accepted: boolean;
  createdAt: number;
};

export const questionDocumentSelect = {
  id: true,
  kind: true,
  title: true,
  bodyText: true,
  state: true,
  createdAt: true,
  acceptedAnswerId: true,
  communityId: true,
  community: { select: { name: true, slug: true, visibility: true, departmentId: true } },
  tags: { select: { tag: { select: { name: true } } } },
  _count: { select: { answers: true } },
} as const;

type QuestionRow = {
  id: string;
  kind: string;
  title: string;
  bodyText: string;
  state: string;
  createdAt: Date;
  acceptedAnswerId: string | null;
  communityId: string | null;
  community: { name: string; slug: string; visibility: string; departmentId: string } | null;
  tags: { tag: { name: string } }[];
  _count: { answers: number };
};

/** Only questions asked in a community are indexed; anything else has no document (and is deleted). */
export function toQuestionDocument(row: QuestionRow): QuestionDocument | null {
  if (row.kind !== "QUESTION" || !row.communityId || !row.community) return null;
  return {
    id: row.id,
    title: row.title,
    body: row.bodyText,
    tags: row.tags.map((t) => t.tag.name).sort(),
    communityId: row.communityId,
    communityName: row.community.name,
    communitySlug: row.community.slug,
    state: row.state,
    visibility: documentTokens({ id: row.communityId, ...row.community }),
    answerCount: row._count.answers,
    accepted: row.acceptedAnswerId !== null,
    createdAt: Math.floor(row.createdAt.getTime() / 1000),
  };
}

export const questionRowsWhere = { kind: "QUESTION", communityId: { not: null } } as const;

export async function loadQuestionDocuments(db: Tx, ids: string[]): Promise<QuestionDocument[]> {
  const rows = await db.note.findMany({ where: { id: { in: ids }, ...questionRowsWhere }, select: questionDocumentSelect });
  return rows.map(toQuestionDocument).filter((d): d is QuestionDocument => d !== null);
}

/**
 * Raise when a document gains, loses or renames a field without its content changing; a change in what
 * the fields hold (word forms, compounds, visibility tokens) is seen by the probes below by itself.
 */
const DOCUMENT_FORMAT = 1;

/** Text that exercises the word forms: plurals, -eren plurals, compounds, verbs and their nouns. */
const PROBE_TEXT =
  "Getrouwheidspremies en basisrente op de spaarrekeningen van kinderen: opnemen of een opname, overschrijvingen naar termijnrekeningen, " +
  "volmachten voor ouders, roerende voorheffing op interesten, een gezamenlijke rekening na een overlijden, phishing en valse sms'jes.";
const PROBE_COMMUNITY = { name: "Sparen aan de lijn", visibility: "CLOSED", departmentId: "probe-department" };
const PROBE_DATE = new Date("2026-01-01T00:00:00Z");

/**
 * A fingerprint of how entry documents are made: the format number and the document built from a fixed
 * probe. When it differs from the one an index was built with, the index holds documents of an older
 * build (search/index.server.ts rebuilds it).
 */
export function entryDocumentFormat(): string {
  const probe = toEntryDocument({
    id: "probe",
    title: "Getrouwheidspremie op kinderrekeningen",
    bodyText: PROBE_TEXT,
    state: "PUBLISHED",
    updatedAt: PROBE_DATE,
    helpfulCount: 1,
    reuseCount: 1,
    communityId: "probe-community",
    community: PROBE_COMMUNITY,
    tags: [{ tag: { name: "spaarrekening" } }, { tag: { name: "getrouwheidspremie" } }],
  });
  return fingerprint(probe);
}

/** The same for question documents. */
export function questionDocumentFormat(): string {
  const probe = toQuestionDocument({
    id: "probe",
    kind: "QUESTION",
    title: "Mag een klant geld opnemen van een kinderrekening?",
    bodyText: PROBE_TEXT,
    state: "OPEN",
    createdAt: PROBE_DATE,
    acceptedAnswerId: null,
    communityId: "probe-community",
    community: { ...PROBE_COMMUNITY, slug: "sparen" },
    tags: [{ tag: { name: "spaarrekening" } }],
    _count: { answers: 1 },
  });
  return fingerprint(probe);
}

function fingerprint(document: unknown): string {
  return createHash("sha256").update(JSON.stringify([DOCUMENT_FORMAT, document])).digest("hex").slice(0, 16);
}

