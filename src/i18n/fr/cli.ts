// Textes français : commandes, aide et erreurs d’appel (src/program.ts, src/commands/*.ts).

import type { Messages } from "../en/index.js";
import { formatFor } from "../format.js";

const f = formatFor("fr");

export const cli: Messages["cli"] = {
  error: "erreur : ",
  warning: "avertissement : ",
  colon: " : ",
  didYouMean: (match: string) => ` (vouliez-vous dire ${match} ?)`,

  program:
    "Choisir comment exécuter une charge de travail Windows Server : machine virtuelle, conteneur à isolation des processus ou conteneur à isolation Hyper-V.",
  versionFlag: "afficher la version, l’empreinte des règles fournies et celle de Node",
  helpFlag: "afficher l’aide",
  helpCommand: "afficher l’aide d’une commande",
  noColorFlag: "ne jamais colorer la sortie (NO_COLOR et FORCE_COLOR=0 font de même)",
  widthFlag:
    "mettre en page textes et tableaux sur ce nombre de colonnes (par défaut : celui du terminal, sinon COLUMNS, sinon 80)",
  langFlag: (variable: string) => `la langue de l’outil : fr ou en (par défaut : ${variable}, sinon la locale)`,
  rulesFlag: "ajouter un fichier ou un dossier de règles par-dessus les règles fournies (option répétable)",
  versionUnbuilt: "règles : inconnues (projet non construit)",
  versionRules: (rules: number, questions: number, sha: string) =>
    `règles : ${f.count(rules, { one: "règle", other: "règles" })}, ${f.count(questions, { one: "question", other: "questions" })}, sha256 ${sha}`,
  moreHelp: "\n`vmvc <commande> --help` détaille les options et les exemples d’une commande.",
  summaries: {
    advise: "recommander comment exécuter une charge de travail, avec les raisons et leurs sources",
    assess: "évaluer tout un inventaire : CSV, lignes JSON ou export vInfo de RVTools",
    compare: "afficher le tableau comparatif des trois options",
    rules: "lister, afficher, valider et vérifier des jeux de règles",
    completion: "produire un script de complétion des commandes, options et réponses de vmvc pour votre shell",
  },

  titles: {
    "Usage:": "Utilisation :",
    "Options:": "Options :",
    "Commands:": "Commandes :",
    "Arguments:": "Arguments :",
    "Global Options:": "Options globales :",
  },
  usageWords: { "[command]": "[commande]", "<command>": "<commande>" },
  placeholders: {
    columns: "colonnes",
    language: "langue",
    path: "chemin",
    paths: "chemins",
    file: "fichier",
    value: "valeur",
    encoding: "encodage",
    char: "caractère",
    ref: "réf",
    command: "commande",
  },
  choices: (values: string) => `valeurs possibles : ${values}`,
  unknownOption: (flag: string) => `option inconnue ${f.quote(flag)}`,
  unknownCommand: (name: string) => `commande inconnue ${f.quote(name)}`,
  optionMissingArgument: (flags: string) => `il manque la valeur de l’option ${f.quote(flags)}`,
  missingArgument: (name: string) => `il manque l’argument obligatoire ${f.quote(name)}`,
  excessArguments: (command: string | undefined, expected: number, got: number) =>
    `trop d’arguments${command ? ` pour ${f.quote(command)}` : ""} : ${f.count(expected, { one: "attendu", other: "attendus" })}, ${f.count(got, { one: "reçu", other: "reçus" })}.`,
  invalidChoice: (flags: string, value: string, allowed: string) =>
    `la valeur ${f.quote(value)} de l’option ${f.quote(flags)} n’est pas valide. Valeurs possibles : ${allowed}.`,
  suggestion: (names: string) => `(vouliez-vous dire ${names} ?)`,
  suggestionOneOf: (names: string) => `(vouliez-vous dire l’une de ces options : ${names} ?)`,

  badWidth: (value: string) => `--width ${value} n’est pas un nombre entier de colonnes entre 20 et 1000`,
  badLang: (value: string) => `--lang ${value} ne désigne pas une langue ; indiquez fr ou en`,
  shortV: "option inconnue « -v » (vouliez-vous dire -V ou --version ?)",
  unknownHelpCommand: (name: string, hint: string, names: string) =>
    `commande inconnue ${name}${hint} ; les commandes sont ${names}`,
  tooltip: (label, meaning) => `${label} : ${meaning}`,
  notSureTooltip: "le conseil couvre toutes les réponses",
  completeUsage: (command: string) =>
    `${command} attend le nombre de mots qui précèdent celui à compléter (de 0 à 10000)`,
  policyLeftOut: (why: string) => `la stratégie est ignorée : ${why}`,
  configuredPolicyLeftOut: (why: string) => `la stratégie configurée est ignorée : ${why}`,
  problemsInRuleFiles: (n: number) =>
    `${f.count(n, { one: "problème", other: "problèmes" })} dans les fichiers de règles :`,
  unexpected: (message: string) => `échec inattendu : ${message}`,

  notOneOf: (shown: string, allowed: string) => `${shown} ne fait pas partie des valeurs admises : ${allowed}`,
  aList: "une liste",
  anObject: "un objet",
  aType: (type: string) => `une valeur de type ${type}`,
  flagIsOurs: (id: string) => `--${id} est une option de vmvc ; choisissez un autre identifiant`,
  reservedId: (id: string, why: string) => `« ${id} » est réservé : ${why} ; choisissez un autre identifiant`,
  flagClash: (id: string, other: string) =>
    `commander lit --${id} comme la même option que ${other} ; choisissez un autre identifiant`,
  strayArgument: (word: string) =>
    `argument inattendu ${word} : réponses et réglages se donnent en options, par exemple --workload web`,
  twoFormats: (format: string) => `--json et --format ${format} demandent deux formats différents ; gardez-en un`,
  badFormat: (format: string, formats: string, hint: string) =>
    `--format ${format} ne fait pas partie des formats admis : ${formats}${hint}`,
  unknownExtension: (file: string, extensions: string) =>
    `--output ${file} : son extension ne dit pas quel format écrire (${extensions}) ; ajoutez --format`,
  unknownQuestion: (shown: string, key: string, hint: string, ids: string) =>
    `${shown} : question inconnue ${key}${hint} ; les questions sont ${ids}`,
  answersNotObject: (shown: string) => `${shown} : un objet de réponses est attendu, par exemple {"workload": "web"}`,

  adviseFlags: {
    json: "n’afficher que du JSON (comme --format json)",
    jsonSchema: "afficher le schéma JSON de la sortie de --json (schema/advice.schema.json), puis s’arrêter",
    quiet: "n’afficher que l’identifiant de l’option recommandée (none si aucune ne convient), pour les scripts",
    format: (formats: string) => `format de sortie : ${formats}`,
    answers: "lire les réponses dans un fichier JSON, ou sur l’entrée standard avec - ; les options l’emportent",
    noInput: "ne jamais poser de question ; échouer s’il manque une réponse",
    output:
      "écrire le résultat dans un fichier (le format suit son extension : .md, .json, .txt ; les dossiers manquants sont créés) ; les questions sont tout de même posées",
    shell:
      "écrire la commande équivalente pour les shells posix ou pour powershell (par défaut : powershell sous Windows)",
  },
  adviseExamples: `
Exemples :
  $ vmvc advise                                   # pose chaque question dans le terminal
  $ vmvc advise --workload web --boundary hostile --host-os 2022 --guest-os 2022 \\
      --deploy docker --density medium --scaling elastic --update-cadence monthly \\
      --storage none --recovery fast --network shared --json
  $ vmvc advise --output docs/adr/0007-hosting.md     # pose les questions, puis rédige la décision
  $ vmvc advise --answers answers.json --format markdown > docs/adr/0007-hosting.md
  $ echo '{"workload":"gui","host-os":"2022"}' | vmvc advise --answers -
  $ r=$(vmvc advise --answers answers.json -q)          # l’identifiant recommandé, seul
`,
  questionsHeading:
    "Questions (chacune est aussi une option ; dans un terminal, celles qui restent sans réponse sont posées) :",
  optional: " (facultative)",
  unknownAnswer:
    "Chaque question accepte aussi unknown : le conseil est alors établi pour toutes les réponses possibles.",
  policies: 'Stratégies : --rules, ou vmvc.config.json ({ "rules": ["policy/"] }) dans le répertoire de travail.',
  adviseExitCodes:
    "Codes de sortie : 0 réussite (y compris « aucune option ne convient »), 1 les données posent problème (lignes invalides, constats sur les règles), 2 appel incorrect, entrée illisible ou sortie non écrite, 129 terminal perdu, 130 interruption.",
  badShell: (shell: string, shells: string, hint: string) =>
    `--shell ${shell} ne fait pas partie des shells admis : ${shells} (pwsh, bash, zsh et sh conviennent aussi)${hint}`,
  notAsking: {
    noInput: "--no-input",
    stdinAnswers: "les réponses arrivent par l’entrée standard",
    ci: "la variable CI est définie",
    noTerminal: "ni la sortie standard ni la sortie d’erreur ne sont un terminal",
    stdinNotTerminal: "l’entrée standard n’est pas un terminal",
  },
  quietAlone: "--quiet n’affiche que l’identifiant recommandé ; retirez --json, --format et --output",
  cannotReadWhy: (why: string) => `lecture impossible : ${why}`,
  cannotRead: (flag: string, shown: string, why: string) => `${flag} ${shown} : lecture impossible : ${why}`,
  missingAnswers: (n: number, why: string) =>
    `${n === 1 ? "il manque une réponse" : "il manque des réponses"} (aucune question posée : ${why})`,
  inputClosed: "l’entrée s’est fermée avant la réponse à toutes les questions ; donnez les autres en options",
  settled: "\nC’est tranché : aucune réponse aux questions restantes ne changerait le résultat.\n",
  writeAgain: "Pour l’écrire de nouveau sans les questions :",
  carryOn: "Pour reprendre plus tard à partir des réponses déjà données :",
  wroteRecord: (file: string) => `Décision consignée dans ${file}.\n`,
  wroteAdvice: (file: string) => `Conseil écrit dans ${file}.\n`,

  assessHelp: `
Les colonnes portent l’identifiant d’une question (workload, boundary, host-os…), sans égard
à la casse, et espaces, _ et - s’équivalent (« Guest OS », guest_os, GuestOS) ; une colonne
peut nommer la charge de travail (Name, VM, Server, Server Name, Hostname, Computer Name,
DNS Name, Nom, Serveur). Les valeurs se lisent sans égard à la casse ; n/a, unknown, ? et -
signifient « inconnu » ; « Windows Server 2022 Datacenter », WS2022 et ltsc2022 signifient 2022.
Les cellules vides et les colonnes absentes prennent les réponses données ici en options,
sinon elles comptent comme inconnues ; les colonnes qui ne servent à rien et les questions
qu’aucune colonne ne renseigne sont signalées sur la sortie d’erreur. Un export vInfo de
RVTools (CSV ou classeur xlsx) se reconnaît à son en-tête : la colonne VM nomme la charge de
travail, le système d’exploitation invité vient des colonnes OS, les modèles et les espaces
réservés SRM sont écartés. Chaque ligne erronée est signalée avec son numéro, et l’analyse
continue. UTF-8, UTF-16 et Windows-1252 sont reconnus (--encoding l’impose), et la ligne
#TYPE d’Export-Csv est sautée.

Exemples :
  $ vmvc assess inventory.csv                          # une synthèse dans le terminal
  $ vmvc assess inventory.csv --host-os 2022 --output report.html
  $ vmvc assess vInfo.csv --format csv > advice.csv
  $ Get-Content servers.jsonl | vmvc assess -          # lignes JSON depuis PowerShell

Codes de sortie : 0 toutes les lignes évaluées, 1 des lignes étaient invalides (les autres
figurent quand même dans le résultat), 2 appel incorrect, entrée illisible ou sortie non écrite.
`,
  assessFlags: {
    format: (formats: string) => `${formats} (par défaut : une synthèse dans un terminal, ndjson ailleurs)`,
    output: "écrire les résultats dans un fichier ; le format suit son extension",
    encoding: "l’encodage du texte en entrée (par défaut : deviné)",
    delimiter: "le séparateur de la sortie CSV : , (par défaut) ou ; pour Excel en français ou en allemand",
    bom: "commencer la sortie CSV par une marque d’ordre des octets UTF-8 (BOM), pour Excel",
    file: "l’inventaire, ou - pour l’entrée standard",
    answersGroup: "Réponses pour les lignes qui n’en donnent pas :",
    jsonSchema:
      "afficher le schéma JSON de la sortie de --format json et de chaque ligne ndjson (schema/assessment.schema.json), puis s’arrêter",
    usage: "[options] <fichier>",
  },
  ignoredColumns: (n: number, names: string) =>
    `${f.count(n, { one: "colonne ne renseigne aucune question et a été ignorée", other: "colonnes ne renseignent aucune question et ont été ignorées" })} : ${names}`,
  andMore: (n: number) => `et ${f.number(n)} de plus`,
  flagsForEveryRow: (questions: string, n: number, flags: string) =>
    `aucune colonne ne renseigne ${questions} : ${n === 1 ? "l’option" : "les options"} ${flags} ${n === 1 ? "s’applique" : "s’appliquent"} à chaque ligne`,
  unknownInEveryRow: (questions: string, n: number) =>
    `aucune colonne ne renseigne ${questions} : ${n === 1 ? "la réponse compte" : "les réponses comptent"} comme inconnue${n === 1 ? "" : "s"} à chaque ligne`,
  assumedInEveryRow: (questions: string, n: number, values: string) =>
    `aucune colonne ne renseigne ${questions} : ${n === 1 ? "la valeur supposée s’applique" : "les valeurs supposées s’appliquent"} à chaque ligne (${values})`,
  headerNoRows: (shown: string, header: string) => `${shown} a un en-tête mais aucune ligne : ${header}`,
  emptyInventory: (shown: string) =>
    `${shown} est vide : un CSV avec une ligne d’en-tête, des lignes JSON, un tableau JSON ou un classeur xlsx est attendu`,
  wroteRows: (n: number, file: string) =>
    `${f.count(n, { one: "ligne écrite", other: "lignes écrites" })} dans ${file}.\n`,
  invalidRows: (n: number) =>
    n === 1
      ? "1\u00a0ligne était invalide ; elle figure dans le résultat avec son numéro et la raison.\n"
      : `${f.count(n, { one: "ligne", other: "lignes" })} étaient invalides ; chacune figure dans le résultat avec son numéro et la raison.\n`,

  compareExamples: `
Exemples :
  $ vmvc compare
  $ vmvc compare --rows isolation,guest-compatibility --format markdown >> README.md
  $ vmvc compare --json | jq '.rows[].id'
`,
  compareFlags: {
    format: (formats: string) => `format de sortie : ${formats} (par défaut : table)`,
    json: "comme --format json",
    jsonSchema: "afficher le schéma JSON de la sortie de --json (schema/comparison.schema.json), puis s’arrêter",
    rows: (ids: string) => `seulement ces lignes, séparées par des virgules : ${ids}`,
  },
  rowsNeeded: (ids: string) => `--rows attend des identifiants de lignes : ${ids}`,
  badRow: (id: string, ids: string, hint: string) =>
    `--rows « ${id} » ne fait pas partie des lignes du tableau : ${ids}${hint}`,

  rulesHelp: {
    list: "lister les règles en vigueur",
    listExamples:
      "\nExemples :\n  $ vmvc rules list --option hyperv-container\n  $ vmvc rules list | grep kubernetes        # une règle par ligne dans un tube\n  $ vmvc rules list --source version-compatibility --json\n",
    option: "seulement les règles portant sur cette option",
    question: "seulement les règles qui dépendent de cette question",
    source: "seulement les règles tirées de cette page source ou de cette page#section",
    json: "afficher du JSON",
    show: "une règle en entier, avec le lien vers sa source",
    validate: "contrôler des fichiers ou dossiers de règles par rapport au schéma et aux règles fournies",
    validateJson: "afficher du JSON : un résultat par chemin, avec ses problèmes",
    validateExamples:
      "\nExemples :\n  $ vmvc rules validate policy/\n  $ vmvc rules validate rules/              # le jeu de règles fourni lui-même\n  $ vmvc rules validate policy/ --json\n\nCodes de sortie : 0 tous les chemins sont valides, 1 un chemin pose problème, 2 appel incorrect.\n",
    schema: "afficher le schéma JSON d’un fichier de règles",
    check:
      "évaluer chaque combinaison de réponses et signaler les lacunes, les règles sans effet et les options inaccessibles",
    checkExamples:
      "\nExemples :\n  $ vmvc rules check --rules policy/\n  $ vmvc rules check --strict --json\n\nCodes de sortie : 0 aucune erreur (ni avertissement avec --strict), 1 constats, 2 appel incorrect.\n",
    strict: "échouer aussi sur les avertissements",
  },
  sourceMatchesNothing: (source: string, hint: string) => `--source ${source} ne correspond à aucune règle${hint}`,
  noRule: (id: string, hint: string) => `aucune règle ${id}${hint} ; \`vmvc rules list\` les affiche toutes`,
  validated: (
    path: string,
    counts: { rules: number; questions: number; disabled: number; optionalLeftOut: number; everyUnknown: number },
  ) =>
    `${path} : valide (${f.count(counts.rules, { one: "règle", other: "règles" })}, ${f.count(counts.questions, { one: "question", other: "questions" })}, ${f.count(counts.disabled, { one: "désactivée", other: "désactivées" })} ; espace des réponses : ${f.count(counts.optionalLeftOut, { one: "combinaison", other: "combinaisons" })} sans les questions facultatives, ${f.number(counts.everyUnknown)} avec toutes les réponses inconnues)\n`,
  spaceCases: {
    optionalLeftOut: "un conseil sans les questions facultatives",
    everyUnknown: "un conseil dont toutes les réponses sont inconnues",
  },
  spaceRefused: (what: string, why: string) => `${what} est refusé : ${why}`,
  spaceNear: (what: string, share: number, combinations: number) =>
    `${what} occupe ${f.percent(share)} de l’espace des réponses qu’un conseil peut examiner (${f.count(combinations, { one: "combinaison", other: "combinaisons" })}) ; quelques valeurs de plus sur ses questions ouvertes, et il sera refusé`,
  checking: (share: number, total: number) =>
    `Vérification : ${f.percent(share)} de ${f.count(total, { one: "combinaison", other: "combinaisons" })}`,
  ruleSetErrors: (n: number) =>
    `le jeu de règles comporte ${f.count(n, { one: "erreur", other: "erreurs" })} (voir plus haut)`,
  strictWarnings: (n: number) =>
    `--strict : le jeu de règles comporte ${f.count(n, { one: "avertissement", other: "avertissements" })}`,

  unknownShell: (shell: string, hint: string, shells: string) =>
    `shell inconnu ${shell}${hint} ; la complétion existe pour ${shells}`,
  completionHelp: `
Installation, une seule fois :
  bash        echo 'source <(vmvc completion bash)' >> ~/.bashrc
  zsh         echo 'source <(vmvc completion zsh)' >> ~/.zshrc      (après compinit)
  fish        vmvc completion fish > ~/.config/fish/completions/vmvc.fish
  PowerShell  if (!(Test-Path $PROFILE)) { New-Item -ItemType File -Force $PROFILE | Out-Null }; vmvc completion powershell >> $PROFILE

Chaque Tab interroge vmvc : les réponses proposées suivent la stratégie en vigueur, questions personnalisées comprises.
`,
};
