import { createContext, useContext } from "react";

/**
 * This request's Content-Security-Policy nonce, given to the server render by entry.server and read
 * by the root layout for Remix's scripts. In the browser it is empty: the scripts are in the page by then.
 */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
