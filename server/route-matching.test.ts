/**
 * The server's route matching (the @remix-run/router the Remix server requires, patched by
 * server/patches, docs/decisions/0068): a route tree is flattened and ranked once, patterns are compiled
 * once, and matches stay what they were.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type * as Router from "@remix-run/router";
import type * as RemixReact from "@remix-run/react";
import type * as ReactRouterServer from "react-router-dom/server";

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

  it("answers a path again with the same matches (kept per path), each caller with objects of its own", () => {
    const { routes } = countingTree();
    const first = router.matchRoutes(routes, "/entries/a1")!;
    (first[first.length - 1].params as Record<string, string>).entryId = "changed by a loader";
    const again = router.matchRoutes(routes, "/entries/a1")!;
    expect(again.map((m) => m.route.id)).toEqual(["root", "entries", "entry"]);
    expect(again.at(-1)?.params).toEqual({ entryId: "a1" });
    expect(again.at(-1)).not.toBe(first.at(-1));
    expect(again.at(-1)?.route).toBe(first.at(-1)?.route);
    expect(router.matchRoutes(routes, "/nowhere")).toBeNull();
    expect(router.matchRoutes(routes, "/nowhere")).toBeNull();
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

/**
 * The route objects a document render builds (server/patches for @remix-run/react and react-router-dom,
 * docs/decisions/0078): made once per build, so the router's kept matching above applies to the render too.
 */
describe("route objects of a server render", () => {
  const load = createRequire(import.meta.url);
  const { createStaticRouter } = load("react-router-dom/server") as typeof ReactRouterServer;
  const { RemixServer } = load("@remix-run/react") as typeof RemixReact;

  it("converts a route tree for the static router once", () => {
    const routes = [{ id: "root", path: "/", children: [{ id: "search", path: "search" }] }];
    const context = { basename: "/", location: { pathname: "/search", search: "", hash: "", state: null, key: "default" }, matches: [], loaderData: {}, actionData: null, errors: null, statusCode: 200, loaderHeaders: {}, actionHeaders: {}, activeDeferreds: null };
    const first = createStaticRouter(routes, context as never).routes;
    expect(createStaticRouter(routes, context as never).routes).toBe(first);
    expect(first[0].children?.map((r) => r.id)).toEqual(["search"]);
    // Another tree gets its own.
    expect(createStaticRouter([...routes], context as never).routes).not.toBe(first);
  });

  /** The router RemixServer hands to the render, dug out of the element it returns. */
  function routerOf(element: unknown): { routes: unknown } {
    let node = element as { props?: { children?: unknown; router?: { routes: unknown } } } | undefined;
    for (let depth = 0; depth < 6 && node; depth++) {
      if (node.props?.router) return node.props.router;
      const children = node.props?.children;
      node = (Array.isArray(children) ? children[0] : children) as typeof node;
    }
    throw new Error("no router in RemixServer's element");
  }

  it("builds a build's routes once per build, and again for other modules", () => {
    const manifestRoutes = { root: { id: "root", path: "", hasLoader: false, hasAction: false, hasClientLoader: false, hasClientAction: false, hasErrorBoundary: false, module: "/root.js" } };
    const root = { default: () => null };
    const future = {};
    const render = (modules: Record<string, unknown>) => {
      const context = {
        manifest: { routes: manifestRoutes, entry: { module: "", imports: [] }, url: "", version: "1" },
        routeModules: modules,
        future,
        isSpaMode: false,
        staticHandlerContext: { basename: "/", location: { pathname: "/", search: "", hash: "", state: null, key: "default" }, matches: [], loaderData: {}, actionData: null, errors: null, statusCode: 200, loaderHeaders: {}, actionHeaders: {}, activeDeferreds: null },
      };
      return routerOf(RemixServer({ context: context as never, url: "http://localhost/" }));
    };
    // Each request makes a new routeModules object holding the same modules: the same routes.
    const first = render({ root }).routes;
    expect(render({ root }).routes).toBe(first);
    // Other modules (a rebuilt app in development) are not served the old routes.
    expect(render({ root: { default: () => null } }).routes).not.toBe(first);
  });
});
