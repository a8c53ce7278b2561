// Textes français de la recommandation : src/render/advice-text.ts, advice-markdown.ts (texte, dossier de décision en Markdown), report.ts.

import type { Messages } from "../en/index.js";
import { formatFor } from "../format.js";

const f = formatFor("fr");
const points = (n: number): string => f.count(n, { one: "point", other: "points" });
const combinations = (n: number): string => f.count(n, { one: "combinaison", other: "combinaisons" });

export const advice: Messages["advice"] = {
  and: "et",
  or: "ou",
  // Guillemets: a label may itself contain « ou » (« Application de bureau ou RDP »).
  choices: (labels) => f.list(labels.map(f.quote), "or"),
  whatIfLine: (change, text) => `${change} : ${text}`,
  nothing: "aucune (toutes les options sont exclues)",
  rulesOrigin: "faits tirés de la documentation de Microsoft et de Kubernetes, pondérations propres à vmvc",
  policyLayer: (path, files, from) =>
    `${path} (${f.count(files, { one: "fichier", other: "fichiers" })}, indiqué par ${from})`,
  layersLine: (version, origin, policies) =>
    `Règles appliquées : celles livrées avec vmvc ${version} (${origin})${policies.length > 0 ? `, puis ${policies.join(", puis ")}` : ""}.`,
  overrideWarning: (file, rule) =>
    `Attention : ${file} remplace le fait établi ${f.quote(rule)} ; la recommandation peut retenir ce que les sources déclarent impossible.`,
  assumes: (flags) => ` (si ${flags})`,
  inEnglish: " (en anglais)",
  whatever: (option, topics) => `${option}, quelle que soit la réponse concernant ${topics}.`,
  adviceForSome: (mine, total, topic, values) =>
    `C’est la recommandation pour ${mine} des ${total} réponses possibles concernant ${topic} (${values}).`,
  adviceIn: (n, space, topics) =>
    `C’est la recommandation dans ${f.number(n)} des ${combinations(space)} de réponses concernant ${topics}.`,
  dependsOn: (topic, cases) => `Selon ${topic} : ${cases}.`,
  alsoDepends: (topics) => `Entrent aussi en jeu, combinées : les réponses concernant ${topics}.`,
  nothingFitsForSome: (none, total, topic, values) =>
    `Rien ne convient pour ${none} des ${total} réponses possibles concernant ${topic} (${values}).`,
  nothingFitsIn: (n, space, topics) =>
    `Rien ne convient dans ${f.number(n)} des ${combinations(space)} de réponses concernant ${topics}.`,
  reasonsForCase: (flags) => `Les raisons ci-dessous valent pour l’un de ces cas : ${flags}.`,

  firmnessNone: "Changer une seule réponse, quelle qu’elle soit, ne changerait pas la recommandation.",
  firmnessForced: (forced) =>
    `Changer une seule réponse changerait la recommandation dans ${f.count(forced, { one: "cas", other: "cas" })}, chaque fois en l’excluant.`,
  firmness: (total, scored, forced) =>
    `Changer une seule réponse changerait la recommandation dans ${f.count(total, { one: "cas", other: "cas" })} : ${f.number(scored)} par les points${forced > 0 ? `, ${f.number(forced)} en l’excluant` : ""}.`,
  takenAs: (flag, label) => `${label} pour ${flag}`,
  taking: (cases) => `en retenant ${cases}`,
  onlyOption: "C’est la seule option qui reste ; les points ne font que mesurer ses atouts.",
  onlyOptionInCase:
    "Dans le cas présenté, c’est la seule option qui reste ; d’autres réponses aux questions ouvertes en laissent davantage.",
  everyRuledOut: "Toutes les options sont exclues.",
  restsOnConfirm: "une avance qui dépend de ce qui reste à confirmer",
  verdict: { clear: "une nette avance", moderate: "une avance modérée", narrow: "un choix serré" },
  settledByDefault: (text) => `, départagés par l’ordre par défaut de vmvc : ${text}`,
  settledByRule: (text) => `, départagés par une règle d’arbitrage : ${text}`,
  margin: (lead, runnerUp, score, taking, words, settled) =>
    `${lead === 0 ? "À égalité avec" : `${points(lead)} d’avance sur`} ${runnerUp}, à ${f.number(score)}${taking === "" ? "" : ` (${taking})`} : ${words}${settled}${settled.endsWith(".") ? "" : "."}`,
  nothingFits: "Rien ne convient : toutes les options sont exclues pour ces réponses.",
  eachListed: "Chacune figure ci-dessous, avec ce qui l’empêche et ce qui la rendrait possible.",
  recommendation: "Recommandation :",
  score: (score) => `, ${points(score)}`,
  but: (clause, mark, more) =>
    `, mais ${clause} ${mark}${more > 0 ? ` (et ${f.count(more, { one: "autre point", other: "autres points" })} à confirmer ci-dessous)` : ""}`,
  toConfirm: "À confirmer",
  why: (option) => `Pourquoi : ${option}`,
  against: "Ce qui joue contre",
  caseFor: (option) => `Ce qui plaide pour ${option}, le deuxième choix`,
  ruledOut: "Options exclues",
  toMakePossible: (remedy) => `Pour la rendre possible : ${remedy}`,
  whatWouldChange: "Ce qui changerait la recommandation",
  whatIfDependsOn: (flags) => ` (dépend de ${flags})`,
  whatIf: (answers, from, to, dependsOn) => `${answers} au lieu de ${f.quote(from)} → ${to}${dependsOn}`,
  moreWhatIfs: (n) => `… et ${f.count(n, { one: "autre", other: "autres" })} (--json les donne toutes)`,
  nothingWouldChange: "Rien : changer une seule réponse, quelle qu’elle soit, laisse la recommandation inchangée.",
  assumed: (flags) =>
    `Valeurs supposées : ${flags}. Faute de réponse, ces valeurs sont retenues ; indiquez l’option correspondante si l’une d’elles diffère.`,
  notAnswered: (flags, questions) =>
    `Sans réponse : ${flags}. Aucune réponse à ${questions === 1 ? "cette question" : "ces questions"} ne pourrait changer le résultat.`,
  points: "Points",
  pointsTaking: (taking, questions) =>
    `Points, ${taking} (aucune réponse à ${questions === 1 ? "cette question" : "ces questions"} ne pourrait changer le résultat)`,
  recommended: "(choix recommandé)",
  notScored: (names) => `Exclues, donc sans points : ${names}.`,
  sources: "Sources",
  sourceTitle: (page, section) => `${page} : ${section}`,
  runAgain: "Relancer sans les questions",

  recordTitle: (workload, option) => `# Décision d’hébergement : ${workload} → ${option}`,
  workload: "Charge de travail",
  decidedWithShipped: (version, origin) => `les règles livrées avec vmvc ${version} (${origin})`,
  decidedWithPolicy: (shipped, layers) => `${shipped}, puis la stratégie de ${layers.join(", puis ")}`,
  policyFrom: (path, from) => `${path} (indiquée par ${from})`,
  status: "- Statut : proposée",
  date: (date) => `- Date : ${date}`,
  decidedWith: (what) => `- Décidée avec : ${what}`,
  context: "## Contexte",
  contextHead: "| Question | Réponse |",
  assumedAnswer: (label, value) => `Supposé : ${label} (${value}), faute de réponse`,
  notSureAnswer: "_incertain : voir À confirmer_",
  notAskedAnswer: "_non posée : ne pouvait pas changer le résultat_",
  assumedLine: (flags) => `Valeurs supposées : ${flags}.`,
  reproduce: (command) => `Pour reproduire : ${command}.`,
  decision: "## Décision",
  nothingFitsRecord:
    "Rien ne convient : toutes les options sont exclues. Chacune figure ci-dessous, avec ce qui l’empêche et ce qui la rendrait possible.",
  recordVerdict: { clear: "une nette avance", moderate: "une avance modérée", narrow: "un choix serré" },
  settlesDefault: "l’ordre par défaut de vmvc tranche",
  settlesRule: "une règle d’arbitrage tranche",
  onlyOpen: "C’est la seule option que les contraintes laissent ouverte.",
  onlyOpenInCase: "Dans le cas présenté, c’est la seule option que les contraintes laissent ouverte.",
  tiedRecord: (score, runnerUp, settled, text) =>
    `Cette option obtient ${points(score)}, à égalité avec ${runnerUp} ; ${settled} : ${text}`,
  aheadRecord: (score, lead, runnerUp, kind) =>
    `Cette option obtient ${points(score)}, soit ${points(lead)} de plus que ${runnerUp} (${kind}).`,
  weWillRun: (option, lead) => `Choix retenu : **${option}**. ${lead}`,
  toConfirmHeading: "## À confirmer",
  holdsWhatever: "la décision tient quelle que soit la réponse",
  aloneCanChange: "cette réponse peut à elle seule changer la décision",
  togetherCanChange: "cette réponse peut changer la décision, avec les autres points à confirmer",
  confirmItem: (question, flag, impact) => `- ${question} (${flag}) : ${impact}.`,
  optionsConsidered: "## Options envisagées",
  chosen: " (option retenue)",
  ruledOutMarker: " (option exclue)",
  scoreLine: (score) => `Points : ${f.number(score)}`,
  ruledOutItem: (reason) => `- Exclusion : ${reason}`,
  remedyItem: (remedy) => `  - Pour la rendre possible : ${remedy}`,
  pro: (n, reason) => `- Pour (+${f.number(n)}) : ${reason}`,
  con: (n, reason) => `- Contre (${f.number(n)}) : ${reason}`,
  consequences: "## Conséquences",
  costs: "Ce que nous acceptons d’en payer :",
  revisit: "Revoir cette décision si l’un de ces points change :",
  insteadOf: (answer, from, flag, to) => `- ${answer} au lieu de ${from} (${flag}) : ${to}`,
  noSingleChange: "Changer une seule réponse, quelle qu’elle soit, ne changerait pas cette décision.",
  sourcesHeading: "## Sources",
};
