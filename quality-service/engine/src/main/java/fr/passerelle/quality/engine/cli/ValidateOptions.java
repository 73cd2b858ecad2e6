package fr.passerelle.quality.engine.cli;

import fr.passerelle.quality.engine.annotate.AnnotationFormat;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code validate} was asked to do.
 *
 * @param file       the CSV to check
 * @param schema     a catalog name such as {@code lieux-stationnement}, or the path of a schema.json
 * @param schemasDir the catalog: one folder per schema, each with its schema.json
 * @param fix        where to write the clean CSV, if anywhere
 * @param json       print the full report as JSON instead of French text
 * @param sheet      the workbook sheet to read; empty compiles the sheets sharing the same columns
 * @param annotate   where to write the annotated file (.xlsx or .csv), if anywhere
 * @param errors     where to write the full error list (CSV), if anywhere
 */
record ValidateOptions(Path file, String schema, Path schemasDir, Optional<Path> fix, boolean json, Optional<String> sheet,
                       Optional<Path> annotate, Optional<Path> errors) {

    static final String COMMAND = "validate";
    static final Path DEFAULT_SCHEMAS_DIR = Path.of("schemas");

    static final String USAGE = """
            Usage : validate FICHIER --schema NOM|CHEMIN [--schemas-dir DOSSIER] [--fix SORTIE.csv] [--json] [--feuille NOM]
                             [--annote SORTIE.xlsx|SORTIE.csv] [--erreurs SORTIE.csv]

            Contrôle un fichier (CSV, XLSX, XLS, JSON ou GeoJSON) avec un schéma national de schema.data.gouv.fr.

              FICHIER                le fichier à contrôler
              --schema NOM|CHEMIN    le nom d'un schéma du catalogue (par exemple lieux-stationnement),
                                     ou le chemin d'un fichier schema.json
              --schemas-dir DOSSIER  le catalogue : un sous-dossier par schéma (par défaut : schemas)
              --fix SORTIE.csv       écrit aussi le fichier nettoyé : UTF-8, virgules, colonnes dans l'ordre
                                     du schéma (les lignes en erreur y restent, à corriger)
              --json                 affiche le rapport complet en JSON au lieu du texte
              --feuille NOM          pour un classeur, ne lit que cette feuille (par défaut : les feuilles
                                     ayant les mêmes colonnes que la première, réunies)
              --annote SORTIE.xlsx|SORTIE.csv
                                     écrit aussi le fichier annoté : en XLSX, les cellules en erreur en rouge
                                     avec leur message et une feuille « Erreurs » ; en CSV, une première
                                     colonne « erreurs » donne les messages de chaque ligne
              --erreurs SORTIE.csv   écrit aussi la liste complète des erreurs (le rapport n'en détaille que
                                     les 100 premières de chaque type)

            Code de sortie : 0 si le fichier est conforme, 1 s'il ne l'est pas, 2 en cas d'erreur d'utilisation.
            """;

    /** The user asked for the usage text. */
    static final class HelpRequested extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** The arguments make no sense; the message, in French, says why. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static ValidateOptions parse(String[] args) throws UsageException, HelpRequested {
        if (args.length == 0) {
            throw new UsageException("Indiquez la commande validate, le fichier à contrôler et son schéma.");
        }
        if (isHelp(args[0])) {
            throw new HelpRequested();
        }
        if (!args[0].equals(COMMAND)) {
            throw new UsageException("Commande inconnue « " + args[0] + " » : la seule commande est « validate ».");
        }
        Path file = null;
        String schema = null;
        Path schemasDir = DEFAULT_SCHEMAS_DIR;
        Path fix = null;
        boolean json = false;
        String sheet = null;
        Path annotate = null;
        Path errors = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--schema" -> schema = value(args, ++i, arg);
                case "--schemas-dir" -> schemasDir = Path.of(value(args, ++i, arg));
                case "--fix" -> fix = Path.of(value(args, ++i, arg));
                case "--json" -> json = true;
                case "--feuille" -> sheet = value(args, ++i, arg);
                case "--annote" -> annotate = Path.of(annotatedFileName(value(args, ++i, arg)));
                case "--erreurs" -> errors = Path.of(value(args, ++i, arg));
                default -> {
                    if (isHelp(arg)) {
                        throw new HelpRequested();
                    }
                    if (arg.startsWith("-")) {
                        throw new UsageException("Option inconnue « " + arg + " ».");
                    }
                    if (file != null) {
                        throw new UsageException("Un seul fichier à la fois : « " + file + " » puis « " + arg + " ».");
                    }
                    file = Path.of(arg);
                }
            }
        }
        if (file == null) {
            throw new UsageException("Indiquez le fichier à contrôler.");
        }
        if (schema == null) {
            throw new UsageException("Indiquez le schéma avec --schema, par exemple --schema lieux-stationnement.");
        }
        return new ValidateOptions(file, schema, schemasDir, Optional.ofNullable(fix), json, Optional.ofNullable(sheet),
                Optional.ofNullable(annotate), Optional.ofNullable(errors));
    }

    /** The annotated file's format is told by its name: refuse a name that tells none. */
    private static String annotatedFileName(String name) throws UsageException {
        if (AnnotationFormat.ofFileName(name).isEmpty()) {
            throw new UsageException("L'option --annote attend un fichier .xlsx ou .csv : « " + name + " ».");
        }
        return name;
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException("L'option " + option + " attend une valeur.");
        }
        return args[index];
    }

    /** A path rather than a catalog name: catalog names never hold a slash nor end with .json. */
    boolean schemaIsAPath() {
        return schema.contains("/") || schema.contains("\\") || schema.endsWith(".json");
    }
}
