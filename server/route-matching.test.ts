/**
 * The server's route matching (the @remix-run/router the Remix server requires, patched by
 * server/patches, docs/decisions/0068): a route tree is flattened and ranked once, patterns are compiled
 * once, and matches stay what they were.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type * as Router from "@remix-run/router";

// The copy the server loads (CommonJS), not the browser's module build that Vite would pick.
const router = createRequire(import.meta.url)("@remix-run/router") as typeof Router;

type Route = Router.AgnosticRouteObject;

/** A route tree that counts how often its children are read: only flattening the tree reads them. */
function countingTree() {
  let reads = 0;
  const watch = (route: Route): Route =>
    new Proxy(route, {
      get(target, key, receiver) {
        if (key === "children") reads++;
        return Reflect.get(target, key, receiver);
      },
    });
  const entries = watch({ id: "entries", path: "entries", children: [watch({ id: "entry", path: ":entryId" }), watch({ id: "new", path: "new" })] });
  const routes = [watch({ id: "root", path: "", children: [watch({ id: "index", index: true }), entries, watch({ id: "search", path: "search" })] })];
  return { routes, reads: () => reads };
}

describe("route matching on the server", () => {
  it("flattens a route tree once, however often it is matched", () => {
    const { routes, reads } = countingTree();
    expect(router.matchRoutes(routes, "/search")?.map((m) => m.route.id)).toEqual(["root", "search"]);
    const afterFirst = reads();
    expect(afterFirst).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) router.matchRoutes(routes, `/entries/e${i}`);
    expect(reads()).toBe(afterFirst);
  });

  it("matches as before: ranking, parameters per request, no match", () => {
    const { routes } = countingTree();
    const ids = (path: string) => router.matchRoutes(routes, path)?.map((m) => m.route.id) ?? null;
    expect(ids("/entries/new")).toEqual(["root", "entries", "new"]);
    expect(ids("/")).toEqual(["root", "index"]);
    expect(ids("/nowhere")).toBeNull();
    expect(router.matchRoutes(routes, "/entries/a1")?.at(-1)?.params).toEqual({ entryId: "a1" });
    expect(router.matchRoutes(routes, "/entries/b2")?.at(-1)?.params).toEqual({ entryId: "b2" });
    expect(router.matchPath("/x/:id", "/x/1")?.params).toEqual({ id: "1" });
    expect(router.matchPath("/x/:id", "/x/2")?.params).toEqual({ id: "2" });
    expect(router.matchPath({ path: "/X", caseSensitive: true, end: true }, "/x")).toBeNull();
    expect(router.matchPath({ path: "/X", caseSensitive: false, end: true }, "/x")).not.toBeNull();
  });
});
