/**
 * `npm run db:copy -- --from file:./data/gilde.db --to postgresql://…`: moves an installation to another
 * database (docs/decisions/0054). The target is migrated, must be empty, and gets every row of every
 * model, in an order that respects the foreign keys (optional references that point ahead, such as a
 * question's accepted answer, are filled in afterwards); PostgreSQL's id sequences are moved past the
 * copied ids. Then the counts of both sides are compared, and the search indexes are rebuilt from the
 * target. The app must not be running on the source meanwhile.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { databaseProvider, describeDatabaseError, redactDatabaseUrl } from "~/utils/database-url";
import { createPostgresClient } from "~/utils/postgres.server";
import { databaseProblem } from "./database";

const BATCH = 1000;

/** What the copy needs to know of a model, read from prisma/schema.prisma (the client's data model leaves out keys and references). */
export type Model = {
  name: string;
  scalars: string[];
  key: string[];
  autoincrement: string[];
  references: { target: string; columns: string[]; optional: boolean }[];
};

type Delegate = {
  findMany(args: object): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<unknown>;
  update(args: { where: object; data: object }): Promise<unknown>;
  updateMany(args: { where: object; data: object }): Promise<unknown>;
  count(): Promise<number>;
};

export function openDatabase(url: string): PrismaClient {
  if (databaseProvider(url) === "postgresql") return createPostgresClient(url);
  return new PrismaClient({ adapter: new PrismaLibSQL({ url }) });
}

const delegate = (client: PrismaClient, model: Model) => (client as unknown as Record<string, Delegate>)[model.name[0].toLowerCase() + model.name.slice(1)];

/** The models of a Prisma schema: scalar columns, primary key, autoincrement columns and foreign keys. */
export function schemaModels(schema: string): Model[] {
  const names = new Set([...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]));
  return [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(([, name, body]) => {
    const model: Model = { name, scalars: [], key: [], autoincrement: [], references: [] };
    for (const raw of body.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      const compound = /^@@id\(\[([^\]]+)\]/.exec(line);
      if (compound) model.key = compound[1].split(",").map((f) => f.trim());
      const field = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!field || line.startsWith("@@")) continue;
      const [, fieldName, type, list, optional, rest] = field;
      if (names.has(type)) {
        const fields = /fields:\s*\[([^\]]+)\]/.exec(rest);
        if (fields && !list) model.references.push({ target: type, columns: fields[1].split(",").map((f) => f.trim()), optional: Boolean(optional) });
        continue;
      }
      model.scalars.push(fieldName);
      if (/@id\b/.test(rest)) model.key = [fieldName];
      if (/@default\(autoincrement\(\)\)/.test(rest)) model.autoincrement.push(fieldName);
    }
    return model;
  });
}

/**
 * Models in an order where every required reference points at a model copied before; optional
 * references that point at a later model (or the model itself) are deferred.
 */
export function copyOrder(models: readonly Model[]): { model: Model; deferred: string[] }[] {
  const done = new Set<string>();
  const order: { model: Model; deferred: string[] }[] = [];
  const left = [...models];
  while (left.length) {
    const index = left.findIndex((m) => m.references.every((r) => r.optional || done.has(r.target) || r.target === m.name));
    if (index < 0) throw new Error(`No copy order: required references form a cycle among ${left.map((m) => m.name).join(", ")}`);
    const [model] = left.splice(index, 1);
    const deferred = model.references.filter((r) => r.optional && (!done.has(r.target) || r.target === model.name)).flatMap((r) => r.columns);
    order.push({ model, deferred });
    done.add(model.name);
  }
  return order;
}

export type CopyResult = { tables: { model: string; rows: number }[]; seconds: number };

/** Copies every row from `source` to the (migrated, empty) `target`, then compares the counts. */
export async function copyRows(source: PrismaClient, target: PrismaClient, targetUrl: string, log: (line: string) => void = () => undefined): Promise<CopyResult> {
  const started = Date.now();
  const models = schemaModels(readFileSync(path.join("prisma", "schema.prisma"), "utf8"));
  for (const model of models) {
    if ((await delegate(target, model).count()) > 0) throw new Error(`The target is not empty (${model.name} has rows): copy into a new, empty database.`);
  }
  const tables: CopyResult["tables"] = [];
  // One transaction on the target: a copy that fails half-way leaves it empty, and it commits once.
  await target.$transaction(
    async (tx) => {
      const into = tx as unknown as PrismaClient;
      const patches: { model: Model; rows: Record<string, unknown>[]; columns: string[] }[] = [];
      for (const { model, deferred } of copyOrder(models)) {
        const { key, scalars } = model;
        let copied = 0;
        for (let skip = 0; ; skip += BATCH) {
          const rows = await delegate(source, model).findMany({ orderBy: key.map((k) => ({ [k]: "asc" })), skip, take: BATCH, select: Object.fromEntries(scalars.map((s) => [s, true])) });
          if (rows.length === 0) break;
          const later = rows.filter((r) => deferred.some((c) => r[c] !== null));
          if (later.length) patches.push({ model, rows: later, columns: deferred });
          await delegate(into, model).createMany({ data: rows.map((r) => (deferred.length ? { ...r, ...Object.fromEntries(deferred.map((c) => [c, null])) } : r)) });
          copied += rows.length;
          if (rows.length < BATCH) break;
        }
        tables.push({ model: model.name, rows: copied });
        log(`${model.name}: ${copied}`);
      }
      for (const { model, rows, columns } of patches) {
        const { key } = model;
        // Rows that get the same values are filled in with one statement (a single-column key) or one by one.
        const groups = new Map<string, Record<string, unknown>[]>();
        for (const row of rows) {
          const data = JSON.stringify(columns.map((c) => row[c]));
          groups.set(data, [...(groups.get(data) ?? []), row]);
        }
        for (const group of groups.values()) {
          const data = Object.fromEntries(columns.map((c) => [c, group[0][c]]));
          if (key.length === 1) {
            await delegate(into, model).updateMany({ where: { [key[0]]: { in: group.map((r) => r[key[0]]) } }, data });
            continue;
          }
          for (const row of group) await delegate(into, model).update({ where: { [key.join("_")]: Object.fromEntries(key.map((k) => [k, row[k]])) }, data });
        }
      }
      if (databaseProvider(targetUrl) === "postgresql") {
        // Copied ids of autoincrement columns do not move their sequences: the next insert would reuse an id.
        for (const model of models) {
          for (const column of model.autoincrement) {
            await into.$queryRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${model.name}"', '${column}'), COALESCE((SELECT MAX("${column}") FROM "${model.name}"), 0) + 1, false)`);
          }
        }
      }
    },
    { maxWait: 10_000, timeout: 24 * 3_600_000 },
  );
  const mismatches: string[] = [];
  for (const { model, rows } of tables) {
    const of = models.find((m) => m.name === model)!;
    const [from, to] = [await delegate(source, of).count(), await delegate(target, of).count()];
    if (from !== rows || to !== rows) mismatches.push(`${model}: source ${from}, copied ${rows}, target ${to}`);
  }
  if (mismatches.length) throw new Error(`The counts differ after the copy:\n${mismatches.join("\n")}`);
  return { tables, seconds: (Date.now() - started) / 1000 };
}

function migrate(url: string) {
  if (url.startsWith("file:")) mkdirSync(path.dirname(path.resolve(url.slice("file:".length))), { recursive: true });
  const result = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: url } });
  if (result.status !== 0) throw new Error(`Migrating the target failed:\n${result.stdout}\n${result.stderr}`);
}

function argument(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main() {
  const args = process.argv.slice(2);
  const from = argument(args, "--from");
  const to = argument(args, "--to");
  if (!from || !to) {
    console.error("Usage: npm run db:copy -- --from file:./data/gilde.db --to postgresql://user:password@host:5432/gilde [--no-reindex]");
    process.exit(2);
  }
  for (const [name, url] of [["--from", from], ["--to", to]] as const) {
    const problem = await databaseProblem(url);
    if (problem) {
      console.error(problem.replace(/^DATABASE_URL/, name));
      process.exit(1);
    }
  }
  console.log(`Migrating ${redactDatabaseUrl(to)} …`);
  migrate(to);
  const source = openDatabase(from);
  const target = openDatabase(to);
  try {
    const result = await copyRows(source, target, to, (line) => console.log(`  ${line}`));
    const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(`Copied ${rows} rows of ${result.tables.length} models in ${result.seconds.toFixed(1)} s; the counts match.`);
  } finally {
    await source.$disconnect();
    await target.$disconnect();
  }
  if (args.includes("--no-reindex")) return;
  console.log("Rebuilding the search indexes from the target …");
  const reindex = spawnSync(path.resolve("node_modules/.bin/tsx"), ["search/reindex.ts"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: to } });
  if (reindex.status !== 0) {
    console.error("The rows are copied, but the search indexes were not rebuilt: run `npm run search:reindex` with DATABASE_URL set to the target.");
    process.exit(1);
  }
  console.log(`Done. Start Gilde with DATABASE_URL=${redactDatabaseUrl(to)}.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(`db:copy failed: ${error instanceof Error ? error.message : describeDatabaseError("", error)}`);
    process.exit(1);
  });
}
