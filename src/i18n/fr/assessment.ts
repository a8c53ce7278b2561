// Textes français du résumé et des rapports d’assess : src/render/assessment.ts, report.ts.

import type { Messages } from "../en/index.js";
import { formatFor } from "../format.js";

const f = formatFor("fr");
const workloads = (n: number): string => f.count(n, { one: "charge de travail", other: "charges de travail" });

export const assessment: Messages["assessment"] = {
  line: (line) => `ligne ${f.number(line)}`,
  isAnswer: (topic, label) => `${topic} est ${label}`,
  and: " et ",
  ruledOutIf: (conditions, option) => `si ${conditions}, l’option ${option} est exclue`,
  input: (input, kind, detail) => `Entrée : ${input} (${kind}, ${detail})`,
  sheet: "feuille vInfo",
  noFlags: "Réponses passées en option : aucune ; une question qu’une ligne laisse vide compte comme inconnue.",
  flagsApplied: (flags) =>
    `Réponses passées en option, appliquées à chaque ligne qui laisse la question vide : ${flags}.`,
  shippedRules: "Règles : celles livrées avec vmvc, tirées de la documentation de Microsoft.",
  layeredRules: (files, overridden) =>
    `Règles : celles livrées avec vmvc, complétées par ${files}${overridden === "" ? "" : ` ; la stratégie remplace les faits établis ${overridden}`}.`,
  assumedPerRow: (flag, rows) => `${flag} (${workloads(rows)})`,
  assumedWhere: (list) => `Supposé là où l’inventaire ne dit rien : ${list}.`,
  cautioned: (n) =>
    `${f.count(n, { one: "recommandation comporte", other: "recommandations comportent" })} une réserve : un point à confirmer avant de s’y fier (les sorties ndjson et csv le nomment).`,
  ignored: (columns, more) =>
    `Colonnes ignorées : ${columns}${more > 0 ? ` et ${f.count(more, { one: "autre", other: "autres" })}` : ""}.`,
  nothingFits: "Rien ne convient",
  invalidRows: "Lignes non valides",
  skipReasons: {
    template: { one: "modèle", other: "modèles" },
    "SRM placeholder": { one: "espace réservé SRM", other: "espaces réservés SRM" },
  },
  skipped: (parts) => `Lignes écartées : ${parts}.`,
  assessed: (assessed, rows) =>
    `${f.count(assessed, { one: "charge de travail évaluée", other: "charges de travail évaluées" })} sur ${f.number(rows)}.`,
  defaultsForRows: (flags) => `Supposé pour les lignes qui ne le disent pas : ${flags}.`,
  commonestBlockers: "Exclusions les plus fréquentes",
  blocker: (rows, option, reason) => `${f.number(rows)} × ${option} : ${reason}`,
  worthConfirming: "À confirmer en priorité",
  confirming: (topic, flag, rows) => `Confirmer ${topic} (${flag}) fixerait la recommandation pour ${workloads(rows)}.`,
  footer: "Toutes les lignes : --format ndjson, csv ou json ; un rapport à partager : --output rapport.html (ou .md).",
  allCertain:
    "Pour chaque charge de travail évaluée, la recommandation tient quelles que soient les réponses inconnues.",
  uncertain: (n, assessed) =>
    `${f.number(n)} des ${f.count(assessed, { one: "charge de travail évaluée", other: "charges de travail évaluées" })} ${n <= 1 ? "a" : "ont"} des réponses inconnues qui pourraient changer la recommandation.`,
  vmOnly: "VM uniquement",
  allToContainers: "tout en conteneurs",
  someToContainers: (containers, rows) => `${f.number(containers)} sur ${f.number(rows)} en conteneurs`,
  placement: { cluster: "Cluster", host: "Hôte", folder: "Dossier", datacenter: "Centre de données" },
  byPlacement: (placement) => `Par ${placement.toLowerCase()}`,
  title: "Évaluation de l’hébergement",
  date: (date) => `- Date : ${date}`,
  inputItem: (input) => `- Entrée : ${input}`,
  workloadsItem: (rows, assessed, invalid) =>
    `- Charges de travail : ${f.number(rows)} (${f.number(assessed)} évaluées, ${f.number(invalid)} non valides)`,
  recommendations: "Recommandations",
  outcome: "Résultat",
  workloads: "Charges de travail",
  share: "Part",
  whatWasAssumed: "Hypothèses retenues",
  question: "Question",
  fromInput: "D’après l’entrée",
  fromFlag: "D’après une option",
  assumed: "Supposé",
  unknown: "Inconnue",
  warnings: "Avertissements :",
  rulesOut: "Exclut",
  why: "Pourquoi",
  rule: "Règle",
  source: "source",
  someAnswersMarkdown:
    "Exclusions valables seulement pour certaines réponses aux questions inconnues (voir la condition de chaque charge de travail) :",
  someAnswersHtml: "Exclusions valables seulement pour certaines réponses aux questions inconnues :",
  conditional: (option, rows, reason) => `${option}, ${workloads(rows)} : ${reason}`,
  nothingFitsHead: "Rien ne convient",
  verdict: "Bilan",
  lineHead: "Ligne",
  name: "Nom",
  recommendation: "Recommandation",
  certainty: "Certitude",
  invalid: (error) => `non valide : ${error}`,
  invalidHtml: "Non valide : ",
  firstMarkdown: (shown, rows) =>
    `Seules les ${f.number(shown)} premières des ${f.number(rows)} charges de travail figurent ici ; \`--format csv\` les donne toutes.`,
  firstHtml: (shown, rows) =>
    `Seules les ${f.number(shown)} premières des ${f.number(rows)} charges de travail figurent ici ; la sortie CSV les donne toutes.`,
  chartLabel: "Charges de travail par recommandation",
  meta: (rows, assessed, invalid) =>
    `${workloads(rows)}, ${f.number(assessed)} évaluées, ${f.number(invalid)} non valides`,
  madeWith: (origin) => `Réalisé avec les règles livrées avec vmvc (${origin}).`,
};
