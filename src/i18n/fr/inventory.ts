// Textes français : lecture des inventaires (src/inventory/*.ts).

import type { Messages } from "../en/index.js";

export const inventory: Messages["inventory"] = {
  sameColumn: (a: number, b: number, first: string, second: string) =>
    `les colonnes ${a} et ${b} (${first} et ${second}) désignent la même chose\u202f; renommez ou supprimez l’une d’elles`,
  noQuestionColumn: (found: string) =>
    `aucune colonne ne renseigne une question\u202f: chaque ligne serait une supposition. Colonnes trouvées\u202f: ${found}`,
  columnsNamed: (ids: string) =>
    `Une colonne porte l’identifiant d’une question, sans égard à la casse, espaces, _ et - étant équivalents : ${ids}.`,
  nameColumn: (names: string) => `La colonne du nom peut s’appeler ${names}.`,
  notAnArray: (shown: string) =>
    `${shown}\u202f: l’entrée commence comme un tableau JSON sans en être un\u202f; fournissez des lignes JSON (un objet par ligne) ou un tableau JSON d’objets`,
  notXlsx: (shown: string, why: string) => `${shown}\u202f: classeur xlsx illisible\u202f: ${why}`,
  noSheets: "aucune feuille",
  noVInfo: (shown: string, sheets: string) =>
    `${shown}\u202f: le classeur n’a pas de feuille vInfo (il contient ${sheets})\u202f; exportez vInfo depuis RVTools, ou enregistrez la feuille en CSV`,
  firstLineSkipped: (line: string) => `la première ligne (${line}) a été sautée, comme le fait Import-Csv`,
  readAsWindows1252:
    "l’entrée n’est pas de l’UTF-8 valide\u202f: elle a été lue en Windows-1252 (ce qu’Excel écrit pour un CSV dans les langues d’Europe de l’Ouest)\u202f; --encoding permet de préciser l’encodage",
  outputIsInput: (file: string) =>
    `--output ${file} est l’inventaire en cours de lecture\u202f: y écrire le détruirait. Écrivez les résultats dans un autre fichier`,
};
