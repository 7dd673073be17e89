/**
 * The roll-out's user list: a CSV file (email, name, department, role; optionally language) as HR or
 * Excel writes it, read with csv-parse. Every row is checked with the rules of the "new user" form, a
 * department and a role must name existing ones, and a cell that a spreadsheet would run as a formula
 * or that holds markup is refused, so the file a person corrects is the file they uploaded. The check
 * is pure: the command gives it the departments and the addresses that already have an account.
 */
import { CsvError, parse } from "csv-parse/sync";
import { translator, type Message } from "~/utils/i18n";
import { LOCALES, ROLES, type Locale, type Role } from "./enums";
import { USER_IMPORT_LIMITS } from "./imports.shared";
import { CreateUserSchema } from "./user";


export const USER_IMPORT_COLUMNS = ["email", "name", "department", "role", "locale"] as const;
export type UserImportColumn = (typeof USER_IMPORT_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly UserImportColumn[] = ["email", "name", "department", "role"];

/** Header names in English and Dutch, compared without case, spaces or hyphens. */
const HEADER_ALIASES: Record<string, UserImportColumn> = {
  email: "email",
  emailaddress: "email",
  emailadres: "email",
  mail: "email",
  name: "name",
  naam: "name",
  department: "department",
  afdeling: "department",
  role: "role",
  rol: "role",
  locale: "locale",
  language: "locale",
  taal: "locale",
};

const squash = (value: string) => value.toLowerCase().replace(/[\s_-]+/g, "");

/** A role as the CSV may name it: its code (KNOWLEDGE_MANAGER) or its Dutch or English label (kennisbeheerder). */
function roleAliases(): Map<string, Role> {
  const aliases = new Map<string, Role>();
  for (const role of ROLES) {
    aliases.set(squash(role), role);
    for (const locale of LOCALES) aliases.set(squash(translator(locale)(`role.${role}`)), role);
  }
  return aliases;
}

/** What a spreadsheet runs as a formula when the cell starts with it (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Markup and control characters have no place in a name or a department. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[<>\u0000-\u001f\u007f]/;

export type UserImportStatus = "create" | "exists" | "invalid";

export type UserImportRow = {
  /** The row's line in the file (the header is line 1). */
  line: number;
  /** The cells as typed, cut to a sensible length, for the preview. */
  cells: Record<UserImportColumn, string>;
  status: UserImportStatus;
  errors: { column: UserImportColumn | null; message: Message }[];
  /** The user to create, when the row is valid and new. */
  value: { email: string; name: string; role: Role; departmentId: string | null; locale: Locale } | null;
};

export type UserImportPreview = {
  rows: UserImportRow[];
  counts: Record<UserImportStatus, number>;
};

export type UserImportFile = { ok: true; rows: { line: number; cells: Record<UserImportColumn, string> }[] } | { ok: false; error: Message };

/** The separator of the header line: Dutch and Belgian Excel write semicolons, others commas (or tabs). */
function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [";", ",", "\t"].map((d) => [d, header.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ",";
}

/** Reads the file into rows of known columns; a file the parser cannot read, or without the columns, is refused as a whole. */
export function readUserCsv(text: string): UserImportFile {
  if (Buffer.byteLength(text, "utf8") > USER_IMPORT_LIMITS.maxBytes) {
    return { ok: false, error: { key: "upload.error.tooLarge", vars: { max: Math.round(USER_IMPORT_LIMITS.maxBytes / 1024) } } };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), {
      delimiter: detectDelimiter(text),
      bom: true,
      info: true,
      relax_column_count: true,
      // A quote inside an unquoted cell (Jan "Sjonnie" Peeters) is kept as typed, as spreadsheets write it.
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      max_record_size: 64 * 1024,
      to: USER_IMPORT_LIMITS.maxRows + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      return { ok: false, error: { key: "userImport.error.syntax", vars: { line: typeof line === "number" ? line : 1 } } };
    }
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, error: { key: "upload.error.empty" } };
  const columns = header.record.map((cell) => HEADER_ALIASES[squash(cell)] ?? null);
  const doubled = USER_IMPORT_COLUMNS.find((c) => columns.filter((x) => x === c).length > 1);
  if (doubled) return { ok: false, error: { key: "userImport.error.columnTwice", vars: { column: doubled } } };
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) return { ok: false, error: { key: "userImport.error.columns", vars: { columns: missing.join(", ") } } };
  if (body.length === 0) return { ok: false, error: { key: "userImport.error.noRows" } };
  if (body.length > USER_IMPORT_LIMITS.maxRows) return { ok: false, error: { key: "userImport.error.tooManyRows", vars: { max: USER_IMPORT_LIMITS.maxRows } } };
  const rows = body.map(({ record, info }) => {
    const cells = Object.fromEntries(USER_IMPORT_COLUMNS.map((c) => [c, ""])) as Record<UserImportColumn, string>;
    columns.forEach((column, index) => {
      if (column) cells[column] = (record[index] ?? "").trim();
    });
    return { line: info.lines, cells };
  });
  return { ok: true, rows };
}

/** Emails of the rows, as the account would store them, to look up who already has an account. */
export function importEmails(rows: { cells: Record<UserImportColumn, string> }[]): string[] {
  return rows.map((r) => r.cells.email.toLowerCase()).filter((e) => e.length > 0 && e.length <= USER_IMPORT_LIMITS.cellMax);
}

/**
 * Every row's verdict: created, skipped because the address already has an account (an import never
 * changes an existing person: roles and departments are changed on their page), or its errors.
 */
export function checkUserRows(
  rows: { line: number; cells: Record<UserImportColumn, string> }[],
  context: { departments: { id: string; name: string }[]; existingEmails: ReadonlySet<string> },
): UserImportPreview {
  const roles = roleAliases();
  const departments = new Map(context.departments.map((d) => [d.name.trim().toLowerCase(), d.id]));
  const firstLine = new Map<string, number>();
  const counts: Record<UserImportStatus, number> = { create: 0, exists: 0, invalid: 0 };
  const checked = rows.map(({ line, cells }): UserImportRow => {
    const errors: UserImportRow["errors"] = [];
    const fail = (column: UserImportColumn | null, message: Message) => errors.push({ column, message });
    for (const column of USER_IMPORT_COLUMNS) {
      const cell = cells[column];
      if (FORMULA_START.test(cell)) fail(column, { key: "userImport.error.formula" });
      else if (UNSAFE.test(cell)) fail(column, { key: "userImport.error.characters" });
    }
    const email = CreateUserSchema.shape.email.safeParse(cells.email);
    if (!email.success && !errors.some((e) => e.column === "email")) fail("email", cells.email ? { key: "error.email" } : { key: "userImport.error.emailMissing" });
    const name = CreateUserSchema.shape.name.safeParse(cells.name);
    if (!name.success && !errors.some((e) => e.column === "name")) {
      fail("name", cells.name ? { key: "error.tooLong", vars: { max: 120 } } : { key: "userImport.error.nameMissing" });
    }
    const role = cells.role === "" ? "EMPLOYEE" : roles.get(squash(cells.role));
    if (!role && !errors.some((e) => e.column === "role")) fail("role", { key: "userImport.error.role", vars: { value: cut(cells.role, 40) } });
    const departmentId = cells.department === "" ? null : departments.get(cells.department.toLowerCase());
    if (departmentId === undefined && !errors.some((e) => e.column === "department")) {
      fail("department", { key: "userImport.error.department", vars: { value: cut(cells.department, 60) } });
    }
    const locale = cells.locale === "" ? "nl" : (LOCALES as readonly string[]).includes(cells.locale.toLowerCase()) ? (cells.locale.toLowerCase() as Locale) : null;
    if (!locale && !errors.some((e) => e.column === "locale")) fail("locale", { key: "userImport.error.locale" });
    let status: UserImportStatus = "invalid";
    if (email.success) {
      const first = firstLine.get(email.data);
      if (first !== undefined) fail("email", { key: "userImport.error.duplicate", vars: { line: first } });
      else firstLine.set(email.data, line);
    }
    if (errors.length === 0 && email.success && name.success && role && departmentId !== undefined && locale) {
      status = context.existingEmails.has(email.data) ? "exists" : "create";
    }
    counts[status] += 1;
    const shown = Object.fromEntries(USER_IMPORT_COLUMNS.map((c) => [c, cut(cells[c], USER_IMPORT_LIMITS.cellMax)])) as Record<UserImportColumn, string>;
    return {
      line,
      cells: shown,
      status,
      errors,
      value: status === "create" && email.success && name.success && role && departmentId !== undefined && locale ? { email: email.data, name: name.data, role, departmentId, locale } : null,
    };
  });
  return { rows: checked, counts };
}

function cut(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
