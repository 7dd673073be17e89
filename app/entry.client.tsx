import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DEFAULT_LOCALE, isLocale, loadDictionary } from "~/utils/i18n";

declare global {
  interface Window {
    __remixContext?: { state?: { loaderData?: { root?: { locale?: unknown } } } };
  }
}

/** Hydrates once the page's dictionary is here, so the first render in the browser says what the server said. */
async function hydrate() {
  const locale = window.__remixContext?.state?.loaderData?.root?.locale;
  await loadDictionary(isLocale(locale) ? locale : DEFAULT_LOCALE);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
}

void hydrate();
