// Textes français : problèmes des jeux de règles et des stratégies (src/ruleset/*.ts, src/errors.ts).

import type { Messages } from "../en/index.js";

export const problems: Messages["problems"] = {
  tooLarge: (why: string) => `trop volumineux : ${why}`,
  systemErrors: {
    ENOENT: "fichier introuvable",
    EACCES: "accès refusé",
    EPERM: "accès refusé",
    EISDIR: "c’est un dossier, pas un fichier",
    ENOTDIR: "une partie du chemin n’est pas un dossier",
    ELOOP: "trop de liens symboliques",
    ENOSPC: "plus d’espace libre sur le périphérique",
    EMFILE: "trop de fichiers ouverts",
  },
  notAFile: "ce n’est pas un fichier ordinaire",
  noSuchPath: "fichier ou dossier introuvable",
  emptyFolder: "le dossier ne contient aucun fichier de règles .json",
  danglingLink: "fichier introuvable (lien vers un fichier qui n’existe plus)",
  configShape: 'attendu\u202f: { "rules": ["<fichier ou dossier>", …] }',
  missingConfigPath: (path: string, from: string) => `${path} n’existe pas (les chemins relatifs partent de ${from})`,
};
