package fr.passerelle.quality.engine.cli;

import fr.passerelle.quality.engine.privacy.PrivacyAction;
import fr.passerelle.quality.engine.annotate.AnnotationFormat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code validate} was asked to do.
 *
 * @param file       the CSV to check
 * @param schema     a catalog name such as {@code lieux-stationnement}, or the path of a schema.json; {@code null}
 *                   to detect it from the file's header among the catalog's schemas
 * @param schemasDir the catalog: one folder per schema, each with its schema.json
 * @param fix        where to write the clean CSV, if anywhere
 * @param json       print the full report as JSON instead of French text
 * @param sheet      the workbook sheet to read; empty compiles the sheets sharing the same columns
 * @param columns    the user's column mapping ({@code --colonne}): file label → field name, "" to ignore the column
 * @param noFixes    write the clean CSV with {@code fix} but without the automatic fixes
 * @param privacyDecisions what to do with the personal data of each column, by column label
 * @param salt       the secret keying the hashes of the columns to hash
 * @param annotate   where to write the annotated file (.xlsx or .csv), if anywhere
 * @param errors     where to write the full error list (CSV), if anywhere
 * @param threads    the threads for a large file ({@code --fils}); empty: {@code Parallelism.defaults()}
 */
record ValidateOptions(Path file, String schema, Path schemasDir, Optional<Path> fix, boolean json, Optional<String> sheet,
                       Map<String, String> columns, boolean noFixes, Map<String, PrivacyAction> privacyDecisions,
                       Optional<String> salt, Optional<Path> annotate, Optional<Path> errors,
                       OptionalInt threads) {

    static final String COMMAND = "validate";
    /** No folder: the national schemas shipped inside the engine. */
    static final Path DEFAULT_SCHEMAS_DIR = null;

    static final String USAGE = """
            Usage : validate FICHIER [--schema NOM|CHEMIN] [--schemas-dir DOSSIER] [--fix SORTIE.csv [--sans-correction]]
                             [--json] [--feuille NOM] [--colonne "LIBELLÉ=CHAMP"]…
                             [--donnees-personnelles COLONNE=ACTION]… [--sel SEL]
                             [--annote SORTIE.xlsx|SORTIE.csv] [--erreurs SORTIE.csv] [--fils N]

            Contrôle un fichier (CSV, XLSX, XLS, JSON ou GeoJSON) avec un schéma national de schema.data.gouv.fr.

              FICHIER                le fichier à contrôler
              --schema NOM|CHEMIN    le nom d'un schéma du catalogue (par exemple lieux-stationnement),
                                     ou le chemin d'un fichier schema.json ; sans --schema, le schéma du
                                     catalogue qui ressemble le plus aux colonnes du fichier est choisi
              --schemas-dir DOSSIER  le catalogue : un sous-dossier par schéma (par défaut : les schémas nationaux fournis avec le moteur)
              --fix SORTIE.csv       corrige ce qui peut l'être sans ambiguïté (dates, nombres, oui/non, valeurs
                                     de liste, codes, téléphones, coordonnées, lignes vides ou en double) et écrit
                                     le fichier corrigé : UTF-8, virgules, colonnes dans l'ordre du schéma (les
                                     lignes encore en erreur y restent, à corriger) ; le rapport liste chaque
                                     correction et les suggestions non appliquées
              --sans-correction      avec --fix, écrit le fichier nettoyé sans aucune correction automatique
              --json                 affiche le rapport complet en JSON au lieu du texte
              --feuille NOM          pour un classeur, ne lit que cette feuille (par défaut : les feuilles
                                     ayant les mêmes colonnes que la première, réunies)
              --annote SORTIE.xlsx|SORTIE.csv
                                     écrit aussi le fichier annoté : en XLSX, les cellules en erreur en rouge
                                     avec leur message et une feuille « Erreurs » ; en CSV, une première
                                     colonne « erreurs » donne les messages de chaque ligne
              --erreurs SORTIE.csv   écrit aussi la liste complète des erreurs (le rapport n'en détaille que
                                     les 100 premières de chaque type)
              --fils N               contrôle les fichiers de plus de 4 Mo sur N fils d'exécution, plus un
                                     qui lit le fichier à l'avance si N vaut 2 ou plus (par défaut : un par
                                     cœur à partir de 3 cœurs, sinon 1, et la lecture à l'avance à partir de
                                     2 cœurs) ; --fils 1 fait tout sur un seul fil ; le résultat est le même
                                     quel que soit N
              --colonne "LIBELLÉ=CHAMP"
                                     utilise la colonne LIBELLÉ du fichier comme le champ CHAMP du schéma
                                     (répétable) ; "LIBELLÉ=" ignore la colonne
              --donnees-personnelles COLONNE=ACTION
                                     ce qu'il faut faire des données personnelles trouvées dans une colonne
                                     (nom exact de la première ligne) : supprimer (colonne vidée), masquer
                                     (j***@gmail.com), hacher (empreinte, avec --sel) ou publique (données
                                     publiques, par exemple le standard d'un établissement) ; répétable
              --sel SEL              la phrase secrète des empreintes : gardez la même pour toutes les versions
                                     du jeu de données, pour qu'une même valeur ait la même empreinte

            Un fichier contenant des données personnelles (adresses électroniques ou téléphones mobiles de
            personnes, numéros de sécurité sociale, IBAN, noms de personnes) est bloqué tant qu'une décision
            ne couvre pas chacune des colonnes concernées.

            Code de sortie : 0 si le fichier est conforme, 1 s'il ne l'est pas, 2 en cas d'erreur d'utilisation.
            Code de sortie 3 : le fichier est bloqué par des données personnelles (il peut aussi contenir des erreurs).
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
        Map<String, String> columns = new LinkedHashMap<>();
        boolean noFixes = false;
        Map<String, PrivacyAction> privacyDecisions = new LinkedHashMap<>();
        String salt = null;
        Path annotate = null;
        Path errors = null;
        Integer threads = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--schema" -> schema = value(args, ++i, arg);
                case "--schemas-dir" -> schemasDir = Path.of(value(args, ++i, arg));
                case "--fix" -> fix = Path.of(value(args, ++i, arg));
                case "--json" -> json = true;
                case "--feuille" -> sheet = value(args, ++i, arg);
                case "--colonne" -> column(value(args, ++i, arg), columns);
                case "--sans-correction" -> noFixes = true;
                case "--donnees-personnelles" -> privacyDecision(value(args, ++i, arg), privacyDecisions);
                case "--sel" -> salt = value(args, ++i, arg);
                case "--annote" -> annotate = Path.of(annotatedFileName(value(args, ++i, arg)));
                case "--erreurs" -> errors = Path.of(value(args, ++i, arg));
                case "--fils" -> threads = threads(value(args, ++i, arg));
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
        if (noFixes && fix == null) {
            throw new UsageException("L'option --sans-correction s'emploie avec --fix SORTIE.csv.");
        }
        if (privacyDecisions.containsValue(PrivacyAction.HASH) && (salt == null || salt.isEmpty())) {
            throw new UsageException("Pour hacher une colonne, indiquez aussi --sel suivi d'une phrase secrète : gardez la "
                    + "même pour toutes les versions du jeu de données.");
        }
        return new ValidateOptions(file, schema, schemasDir, Optional.ofNullable(fix), json, Optional.ofNullable(sheet),
                Collections.unmodifiableMap(columns), noFixes, privacyDecisions, Optional.ofNullable(salt),
                Optional.ofNullable(annotate), Optional.ofNullable(errors),
                threads == null ? OptionalInt.empty() : OptionalInt.of(threads));
    }

    private static int threads(String value) throws UsageException {
        try {
            int threads = Integer.parseInt(value);
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // Said below, in French.
        }
        throw new UsageException("L'option --fils attend un nombre entier d'au moins 1 : « " + value + " ».");
    }

    /** "Libellé du fichier=champ": the last "=" splits, since field names never hold one. */
    private static void column(String value, Map<String, String> columns) throws UsageException {
        int equals = value.lastIndexOf('=');
        if (equals < 0) {
            throw new UsageException("L'option --colonne attend « LIBELLÉ=CHAMP », par exemple --colonne \"Lat=latitude\" "
                    + "(ou « LIBELLÉ= » pour ignorer la colonne) : « " + value + " » n'a pas de signe =.");
        }
        String label = value.substring(0, equals).strip();
        if (label.isEmpty()) {
            throw new UsageException("L'option --colonne attend le nom de la colonne du fichier avant le signe = : « "
                    + value + " ».");
        }
        if (columns.put(label, value.substring(equals + 1).strip()) != null) {
            throw new UsageException("La colonne « " + label + " » est indiquée deux fois avec --colonne.");
        }
    }

    /** Whether the schema is to be detected from the file: no --schema. */
    boolean detectSchema() {
        return schema == null;
    }

    /** "tel_agent=supprimer": the label may hold "=", so the action is after the last one. */
    private static void privacyDecision(String value, Map<String, PrivacyAction> decisions) throws UsageException {
        int equals = value.lastIndexOf('=');
        String column = equals < 0 ? "" : value.substring(0, equals).strip();
        if (column.isEmpty()) {
            throw new UsageException("--donnees-personnelles attend COLONNE=ACTION, par exemple "
                    + "--donnees-personnelles \"tel_agent=supprimer\".");
        }
        String word = value.substring(equals + 1);
        PrivacyAction action = PrivacyAction.parse(word).orElseThrow(() -> new UsageException("Action « " + word.strip()
                + " » inconnue pour la colonne « " + column + " » : choisissez supprimer, masquer, hacher ou publique."));
        PrivacyAction earlier = decisions.put(column, action);
        if (earlier != null && earlier != action) {
            throw new UsageException("Deux décisions différentes pour la colonne « " + column + " » : « "
                    + earlier.frenchVerb() + " » et « " + action.frenchVerb() + " ».");
        }
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
        return schema != null && (schema.contains("/") || schema.contains("\\") || schema.endsWith(".json"));
    }
}
