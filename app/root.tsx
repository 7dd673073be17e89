import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ClientLoaderFunctionArgs, ShouldRevalidateFunction } from "@remix-run/react";
import { json } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { getUser } from "~/utils/session.server";
import { readFlash } from "~/utils/flash.server";
import { DEFAULT_LOCALE, loadDictionary, translator, useT } from "~/utils/i18n";
import { dictionaryModuleUrl } from "~/utils/i18n/dictionary-module.server";
import { navigationAbilities } from "~/policies/policies";
import { forgetAllDrafts } from "~/components/note-draft";
import { useNonce } from "~/utils/nonce";
import { NotificationBell } from "~/components/notifications";
import { countUnreadNotifications } from "~/models/notification-list.server";
import { actorFromSession } from "~/models/actor.server";
import appStyles from "~/styles/app.css";
import editorStyles from "~/components/editor/editor.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "stylesheet", href: editorStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Gilde" }];

/** Zod reads this before its first schema (globalThis.__zod_globalConfig): no `new Function` probe under the CSP. */
const ZOD_JITLESS = "globalThis.__zod_globalConfig={jitless:true};";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const { flash, headers } = readFlash(request);
  const locale = user?.locale ?? DEFAULT_LOCALE;
  return json({
    flash,
    user: user ? { id: user.id, name: user.name, role: user.role, headsDepartment: user.headOfDepartmentId !== null } : null,
    locale,
    dictionaryModule: dictionaryModuleUrl(locale),
    can: user ? navigationAbilities(user) : { curate: false, manageUsers: false, departmentDashboard: false, knowledgeDashboard: false },
    unreadNotifications: user ? await countUnreadNotifications(actorFromSession(user)) : 0,
  }, { headers });
}

/** The browser holds only the reader's language: signing in or switching language may need the other one first. */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  await loadDictionary(data.locale);
  return data;
}

/** A flash lives in the root's data: reload it on every navigation so it shows on one page only. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ defaultShouldRevalidate, currentUrl, nextUrl }) =>
  defaultShouldRevalidate || currentUrl.href !== nextUrl.href;

/** The flash of the last redirect, shown once at the top of the page. */
function FlashMessage() {
  const flash = useRouteLoaderData<typeof loader>("root")?.flash;
  const t = useT();
  if (!flash) return null;
  return (
    <div className={`alert ${flash.kind === "error" ? "alert-error" : "alert-success"} no-print`} role="status">
      {t(flash.message.key, flash.message.vars)}
    </div>
  );
}

function Header() {
  const data = useRouteLoaderData<typeof loader>("root");
  const t = useT();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <div className="header-inner">
        <Link to="/" className="brand" aria-label={t("app.name")}>
          <span className="brand-mark" aria-hidden="true">G</span>
          <span>{t("app.name")}</span>
        </Link>
        {data?.user ? (
          <>
            <nav aria-label={t("nav.main")} className="main-nav">
              <NavLink to="/search">{t("nav.search")}</NavLink>
              <NavLink to="/new">{t("whatsNew.nav")}</NavLink>
              <NavLink to="/notes/new">{t("nav.newNote")}</NavLink>
              <NavLink to="/notes" end>
                {t("nav.myNotes")}
              </NavLink>
              <NavLink to="/communities">{t("nav.communities")}</NavLink>
              <NavLink to="/learning">{t("learning.nav")}</NavLink>
              {data.can.curate ? <NavLink to="/curation">{t("nav.inbox")}</NavLink> : null}
              {data.can.departmentDashboard ? <NavLink to="/dashboard/department">{t(data.user?.headsDepartment ? "nav.departmentDashboard" : "nav.departmentsDashboard")}</NavLink> : null}
              {data.can.knowledgeDashboard ? <NavLink to="/dashboard/knowledge">{t("nav.knowledgeDashboard")}</NavLink> : null}
              {data.can.manageUsers ? <NavLink to="/admin/users">{t("nav.users")}</NavLink> : null}
            </nav>
            <div className="user-menu">
              <NotificationBell unread={data.unreadNotifications} />
              <NavLink to="/settings" className="user-name" title={t("nav.settings")}>
                {data.user.name}
                <span className="role-badge">{t(`role.${data.user.role}`)}</span>
              </NavLink>
              <Form method="post" action="/logout" onSubmit={forgetAllDrafts}>
                <button type="submit" className="button-link">
                  {t("nav.logout")}
                </button>
              </Form>
            </div>
          </>
        ) : null}
      </div>
    </header>
  );
}

function Document({ children, locale }: { children: React.ReactNode; locale: string }) {
  const nonce = useNonce();
  const dictionaryModule = useRouteLoaderData<typeof loader>("root")?.dictionaryModule;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* Zod's schemas in the browser skip its eval probe, which the content security policy would report. */}
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: ZOD_JITLESS }} />
        {dictionaryModule ? <link rel="modulepreload" href={dictionaryModule} /> : null}
      </head>
      <body>
        <Header />
        <main id="main" className="page">
          <FlashMessage />
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { locale } = useLoaderData<typeof loader>();
  return (
    <Document locale={locale}>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return (
    <Document locale={locale}>
      <ErrorPage error={error} t={translator(locale)} />
    </Document>
  );
}
