/**
 * The savings desk's abbreviations and everyday words, added to the starting list of synonyms: what
 * agents type with a customer on the line, written from the desk's vocabulary (Belgian banking Dutch).
 * Abbreviations expand one way (searching "tr" also finds "termijnrekening", never the reverse);
 * everyday words that mean the same are a group. Knowledge managers keep the list from here on.
 */
import type { SynonymRuleInput } from "../../app/schemas/synonym.shared";

const group = (...words: string[]): SynonymRuleInput => ({ kind: "GROUP", term: null, words });
const expansion = (term: string, ...words: string[]): SynonymRuleInput => ({ kind: "EXPANSION", term, words });

export const bankingSynonymRules: SynonymRuleInput[] = [
  // Abbreviations of the desk
  expansion("tr", "termijnrekening"),
  expansion("kb", "kasbon"),
  expansion("gp", "getrouwheidspremie"),
  expansion("br", "basisrente"),
  expansion("sr", "spaarrekening"),
  expansion("zr", "zichtrekening"),
  expansion("ps", "pensioensparen"),
  expansion("psr", "pensioenspaarrekening"),
  expansion("psf", "pensioenspaarfonds"),
  expansion("lts", "langetermijnsparen"),
  expansion("dom", "domiciliëring"),
  expansion("sdd", "domiciliëring", "europese domiciliëring"),
  expansion("dck", "consignatiekas", "slapende rekening"),
  expansion("vop", "naamcontrole"),
  expansion("tob", "beurstaks", "taks op beursverrichtingen"),
  expansion("kid", "essentiële informatie"),
  expansion("mifid", "beleggersprofiel"),
  expansion("pv", "proces-verbaal", "aangifte"),
  expansion("atm", "geldautomaat"),
  expansion("bc", "bancontact"),
  expansion("ubo", "uiteindelijke begunstigde"),
  expansion("aml", "witwassen"),
  expansion("ombudsman", "ombudsfin"),
  // Everyday words for the articles' terms
  group("opname", "opnemen", "afhalen", "afhaling"),
  group("afsluiten", "opheffen", "stopzetten"),
  group("adreswijziging", "verhuis", "verhuizen", "nieuw adres"),
  group("attest", "bewijs", "certificaat"),
  group("slapende rekening", "vergeten rekening", "slapend tegoed"),
  group("gsm", "smartphone", "mobiele telefoon"),
  group("limiet", "plafond"),
  group("minderjarige", "kind", "jongere"),
  group("fraude", "oplichting", "bedrog", "zwendel"),
  expansion("kleinkind", "minderjarige"),
  expansion("spaarpot", "spaarrekening", "minderjarige"),
  expansion("gemachtigde", "volmacht", "gevolmachtigde"),
  expansion("geld vastzetten", "termijnrekening", "kasbon"),
  expansion("rentebelasting", "roerende voorheffing"),
];
