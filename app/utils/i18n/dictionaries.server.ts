import { en } from "./en";
import { loadedDictionaries } from "./loaded";
import { nl } from "./nl";

// The server (and every script or test) translates into either language at any time.
loadedDictionaries.nl = nl;
loadedDictionaries.en = en;
