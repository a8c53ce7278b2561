// Textes français : questions posées dans le terminal et messages du processus (src/shell/*.ts).

import type { Messages } from "../en/index.js";
import { formatFor } from "../format.js";

const f = formatFor("fr");

export const prompts: Messages["prompts"] = {
  progress: (number: number, left: number) =>
    left === 0
      ? `question ${number}, la dernière`
      : `question ${number}, au plus ${f.count(left, { one: "restante", other: "restantes" })}`,
  notSure: "Je ne sais pas",
  notSureMeaning: "vmvc examine toutes les réponses possibles et indique à quel point le conseil dépend de celle-ci",
  keys: { navigate: "parcourir", select: "choisir" },
  jump: "aller au choix",
  type: "lettres",
  search: "rechercher",
  back: "revenir",
  escape: "échap/←",
  cancelled: "Interrompu : aucune recommandation n’a été émise.",
  cannotWriteFile: (file: string, why: string) => `--output ${file} : écriture impossible : ${why}`,
  noSuchFolder: (folder: string) => `le dossier ${folder} n’existe pas`,
  fileNotFolder: (path: string) => `${path} est un fichier, pas un dossier`,
  folderNotWritable: (folder: string) => `le dossier ${folder} n’est pas accessible en écriture`,
  cannotWriteOutput: (why: string) => `impossible d’écrire la sortie : ${why}`,
  unexpected: (message: string) => `échec inattendu : ${message}`,
};
