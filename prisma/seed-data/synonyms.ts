/**
 * The savings desk's starting list of synonyms and abbreviations: the words customers and agents use
 * for the same thing. Knowledge managers keep it from here on (/knowledge/synonyms); the seed only
 * puts it in the database.
 */
import type { SynonymRuleInput } from "../../app/schemas/synonym.shared";
import { bankingSynonymRules } from "./banking-synonyms";

const group = (...words: string[]): SynonymRuleInput => ({ kind: "GROUP", term: null, words });
const expansion = (term: string, ...words: string[]): SynonymRuleInput => ({ kind: "EXPANSION", term, words });

export const seedSynonymRules: SynonymRuleInput[] = [
  group("spaarrekening", "spaarboekje", "spaarboek"),
  group("getrouwheidspremie", "trouwpremie", "getrouwheidsrente"),
  group("termijnrekening", "termijndeposito", "deposito"),
  group("volmacht", "mandaat", "gevolmachtigde"),
  group("overlijden", "nalatenschap", "erfenis", "overleden"),
  group("phishing", "valse sms", "valse mail"),
  group("itsme", "digitale identiteit"),
  group("app", "mobiel bankieren", "applicatie"),
  group("rente", "intrest", "interest"),
  group("basisrente", "basisintrest"),
  group("overschrijving", "transfer", "betaalopdracht"),
  group("pin", "pincode", "geheime code"),
  group("kasbon", "spaarbon"),
  group("bankkaart", "debetkaart", "betaalkaart"),
  group("rekeninguittreksel", "uittreksel", "afschrift"),
  group("roerende voorheffing", "bronbelasting"),
  expansion("iban", "rekeningnummer"),
  expansion("bic", "swift", "bankcode"),
  expansion("rv", "roerende voorheffing"),
  expansion("eid", "identiteitskaart"),
  expansion("rrn", "rijksregisternummer"),
  expansion("domi", "domiciliëring"),
  expansion("kyc", "klantenonderzoek", "identificatie"),
  expansion("sepa", "europese overschrijving"),
  expansion("2fa", "tweestapsverificatie"),
  ...bankingSynonymRules,
];
