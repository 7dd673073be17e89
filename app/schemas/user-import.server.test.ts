import { describe, expect, it } from "vitest";
import { decodeTextUpload } from "~/utils/upload.server";
import { checkUserRows, readUserCsv } from "./user-import.server";
import { USER_IMPORT_LIMITS } from "./imports.shared";

const departments = [
  { id: "dept000000sparen", name: "Klantendienst Sparen" },
  { id: "dept00000krediet", name: "Kredieten" },
];

function check(text: string, existing: string[] = []) {
  const file = readUserCsv(text);
  if (!file.ok) throw new Error(`file refused: ${file.error.key}`);
  return checkUserRows(file.rows, { departments, existingEmails: new Set(existing) });
}

describe("reading the roll-out's CSV", () => {
  it("reads commas or Excel's semicolons, English or Dutch headers, quotes, a BOM and CRLF", () => {
    const comma = check("email,name,department,role\r\nan@bank.test,An Peeters,Klantendienst Sparen,employee\r\n");
    expect(comma.counts).toEqual({ create: 1, exists: 0, invalid: 0 });
    expect(comma.rows[0].value).toEqual({ email: "an@bank.test", name: "An Peeters", role: "EMPLOYEE", departmentId: "dept000000sparen", locale: "nl" });
    const semicolon = check('\uFEFFE-mailadres;Naam;Afdeling;Rol;Taal\n" Bo@Bank.test ";"Maes, Bo";kredieten;Kennisbeheerder;EN\n');
    expect(semicolon.rows[0]).toMatchObject({ line: 2, status: "create", value: { email: "bo@bank.test", name: "Maes, Bo", role: "KNOWLEDGE_MANAGER", departmentId: "dept00000krediet", locale: "en" } });
  });

  it("takes a role by its code or its label in either language, empty as employee, and an empty department as none", () => {
    const preview = check(
      ["email;name;department;role", "a@b.test;A;;", "b@b.test;B;;DEPARTMENT_HEAD", "c@b.test;C;;department head", "d@b.test;D;;Beheerder", "e@b.test;E;;knowledge-manager"].join("\n"),
    );
    expect(preview.rows.map((r) => r.value?.role)).toEqual(["EMPLOYEE", "DEPARTMENT_HEAD", "DEPARTMENT_HEAD", "ADMIN", "KNOWLEDGE_MANAGER"]);
    expect(preview.rows.every((r) => r.value?.departmentId === null)).toBe(true);
  });

  it("gives each wrong row its errors: bad address, unknown department or role, missing name, duplicates in the file", () => {
    const preview = check(
      [
        "email,name,department,role",
        "not-an-address,Jan,Kredieten,employee",
        "ok@bank.test,,Marketing,boss",
        "twice@bank.test,Eerste,,",
        "TWICE@bank.test,Tweede,,",
      ].join("\n"),
    );
    const errors = preview.rows.map((r) => r.errors.map((e) => `${e.column}:${e.message.key}`));
    expect(errors[0]).toEqual(["email:error.email"]);
    expect(errors[1]).toEqual(["name:userImport.error.nameMissing", "role:userImport.error.role", "department:userImport.error.department"]);
    expect(errors[2]).toEqual([]);
    expect(errors[3]).toEqual(["email:userImport.error.duplicate"]);
    expect(preview.rows[3].errors[0].message.vars).toEqual({ line: 4 });
    expect(preview.counts).toEqual({ create: 1, exists: 0, invalid: 3 });
    const language = check("email,name,department,role,taal\nlang@bank.test,Lang,,,fr\n");
    expect(language.rows[0].errors.map((e) => `${e.column}:${e.message.key}`)).toEqual(["locale:userImport.error.locale"]);
  });

  it("skips people who already have an account (never changes them)", () => {
    const preview = check("email,name,department,role\nknown@bank.test,Anders,Kredieten,ADMIN\nnew@bank.test,Nieuw,,\n", ["known@bank.test"]);
    expect(preview.rows.map((r) => r.status)).toEqual(["exists", "create"]);
    expect(preview.rows[0].value).toBeNull();
  });

  it("refuses formula cells and markup, and shows them as typed", () => {
    const preview = check(
      ["email,name,department,role", 'x@bank.test,=HYPERLINK("http://evil.example"),,', "y@bank.test,<script>alert(1)</script>,,", "z@bank.test,Zoë,@SUM(A1),", "w@bank.test,+32 Jan,,", "v@bank.test,-Jan,,"].join("\n"),
    );
    expect(preview.rows.map((r) => r.errors.map((e) => `${e.column}:${e.message.key}`))).toEqual([
      ["name:userImport.error.formula"],
      ["name:userImport.error.characters"],
      ["department:userImport.error.formula"],
      ["name:userImport.error.formula"],
      ["name:userImport.error.formula"],
    ]);
    expect(preview.rows[1].cells.name).toBe("<script>alert(1)</script>");
    expect(preview.counts.create).toBe(0);
  });

  it("refuses a whole file it cannot read: empty, only a header, missing or doubled columns, broken quotes, too many rows, too large", () => {
    const refusal = (text: string) => {
      const file = readUserCsv(text);
      return file.ok ? "ok" : file.error.key;
    };
    expect(refusal("")).toBe("upload.error.empty");
    expect(refusal("email,name,department,role\n")).toBe("userImport.error.noRows");
    expect(refusal("email,name\na@b.test,A\n")).toBe("userImport.error.columns");
    expect(refusal("email,name,department,role,e-mail\n")).toBe("userImport.error.columnTwice");
    expect(refusal('email,name,department,role\na@b.test,"An,,\n')).toBe("userImport.error.syntax");
    const many = ["email,name,department,role", ...Array.from({ length: USER_IMPORT_LIMITS.maxRows + 1 }, (_, i) => `u${i}@b.test,U ${i},,`)].join("\n");
    expect(refusal(many)).toBe("userImport.error.tooManyRows");
    expect(refusal(`email,name,department,role\n${"a".repeat(USER_IMPORT_LIMITS.maxBytes)}`)).toBe("upload.error.tooLarge");
  });

  it("ignores columns it does not know and lines of empty cells (what Excel leaves at the end)", () => {
    const preview = check("email;name;department;role;personeelsnummer\na@b.test;A;;;=1+1\n;;;;\n");
    expect(preview.counts).toEqual({ create: 1, exists: 0, invalid: 0 });
  });
});

describe("decoding an uploaded text file", () => {
  it("takes UTF-8 with or without a BOM", () => {
    expect(decodeTextUpload(new TextEncoder().encode("\uFEFFnaam;Zoë"))).toEqual({ ok: true, text: "naam;Zoë" });
  });
  it("refuses Latin-1, UTF-16, binary and empty files with a reason", () => {
    expect(decodeTextUpload(Uint8Array.from([0x5a, 0x6f, 0xeb]))).toMatchObject({ ok: false, error: { key: "upload.error.encoding" } });
    expect(decodeTextUpload(Uint8Array.from([0xff, 0xfe, 0x61, 0x00]))).toMatchObject({ ok: false, error: { key: "upload.error.encoding" } });
    expect(decodeTextUpload(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).toMatchObject({ ok: false, error: { key: "upload.error.binary" } });
    expect(decodeTextUpload(new TextEncoder().encode(" \n"))).toMatchObject({ ok: false, error: { key: "upload.error.empty" } });
  });
});
