package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.read.TableReader;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.CustomCheck;
import fr.passerelle.quality.engine.schema.RowCustomCheck;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.ForeignKey;
import fr.passerelle.quality.engine.schema.ValueConstraint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds each kind of {@link ValidationError} with its French message: the sentences a clerk
 * reads live here, titles and default hints in {@link ErrorCode}.
 */
public final class ValidationErrors {

    /** Values kept in a report; a 1 MB cell must not make a 1 MB report. */
    static final int MAX_VALUE_CHARS = 200;
    /** Values quoted in a sentence. */
    static final int MAX_QUOTED_CHARS = 60;

    private ValidationErrors() {
    }

    // The file as a whole

    public static ValidationError emptyFile() {
        return wholeFile(ErrorCode.EMPTY_FILE, "Le fichier est vide.");
    }

    static ValidationError onlyBlankRows() {
        return wholeFile(ErrorCode.EMPTY_FILE, "Le fichier ne contient que des lignes vides.");
    }

    static ValidationError noDataRows() {
        return wholeFile(ErrorCode.EMPTY_FILE,
                "Le fichier ne contient que la ligne des noms de colonnes, sans aucune ligne de données.");
    }

    public static ValidationError notText() {
        return wholeFile(ErrorCode.UNREADABLE_FILE,
                "Le fichier n'est pas un fichier texte CSV : c'est peut-être un classeur Excel, un PDF ou une image.");
    }

    /** A file in a format the engine refuses or cannot open, with the sentence saying what to send instead. */
    public static ValidationError unreadableFormat(String frenchMessage) {
        return wholeFile(ErrorCode.UNREADABLE_FILE, frenchMessage);
    }

    /** Reading stopped on a row for a reason other than the CSV limits: a damaged workbook, broken JSON. */
    public static ValidationError readingStopped(long rowNumber, String frenchMessage) {
        return error(ErrorCode.SOURCE_ERROR, rowNumber, null, null, frenchMessage, ErrorCode.SOURCE_ERROR.defaultHint());
    }

    public static ValidationError undecodableCharacters() {
        return wholeFile(ErrorCode.ENCODING_ERROR,
                "Certains caractères du fichier sont illisibles : des lettres accentuées risquent d'être mal affichées.");
    }

    /** NUL bytes inside a text file: dropped from the cells, reported once for the file. */
    public static ValidationError nulCharacters() {
        return wholeFile(ErrorCode.ENCODING_ERROR, "Le fichier contient des caractères nuls (octets 0), signe d'un "
                + "export endommagé : ils ont été retirés des cellules. Vérifiez que le fichier est complet.");
    }

    public static ValidationError readingStopped(long rowNumber) {
        String message = String.format(Locale.FRANCE,
                "La lecture du fichier s'est arrêtée à la ligne %d : une cellule y dépasse %,d caractères, la ligne compte "
                        + "plus de %,d cellules, ou un guillemet ouvert n'est jamais refermé. Les lignes suivantes n'ont pas été "
                        + "contrôlées.",
                rowNumber, TableReader.MAX_CELL_CHARS, TableReader.MAX_CELLS);
        return error(ErrorCode.SOURCE_ERROR, rowNumber, null, null, message, ErrorCode.SOURCE_ERROR.defaultHint());
    }

    // The header row

    static ValidationError blankLabel(long rowNumber, int position) {
        return error(ErrorCode.BLANK_LABEL, rowNumber, null, "",
                "La colonne n°" + position + " de la ligne des noms de colonnes n'a pas de nom.",
                ErrorCode.BLANK_LABEL.defaultHint());
    }

    static ValidationError duplicateLabel(long rowNumber, String label, int position) {
        return error(ErrorCode.DUPLICATE_LABEL, rowNumber, label, label,
                "La colonne " + quote(label) + " apparaît plusieurs fois (de nouveau en position " + position
                        + ") : seule la première est contrôlée.",
                ErrorCode.DUPLICATE_LABEL.defaultHint());
    }

    static ValidationError missingLabel(long rowNumber, Field field) {
        String message = field.required()
                ? "La colonne " + quote(field.name()) + " prévue par le schéma est absente du fichier. Cette colonne est obligatoire."
                : "La colonne facultative " + quote(field.name()) + " est absente du fichier : le fichier publié l'aura, vide.";
        return error(ErrorCode.MISSING_LABEL, rowNumber, field.name(), null, message,
                ErrorCode.MISSING_LABEL.defaultHint());
    }

    static ValidationError extraLabel(long rowNumber, String label, Optional<String> lookalike) {
        String hint = lookalike
                .map(name -> "Renommez la colonne " + quote(label) + " en " + quote(name)
                        + " : le nom doit être exactement celui du schéma, majuscules, accents et tirets compris.")
                .orElse(ErrorCode.EXTRA_LABEL.defaultHint());
        return error(ErrorCode.EXTRA_LABEL, rowNumber, label, label,
                "La colonne " + quote(label) + " du fichier n'est pas prévue par le schéma : elle est ignorée et ne sera pas publiée.",
                hint);
    }

    // Rows

    static ValidationError blankRow(long rowNumber) {
        return error(ErrorCode.BLANK_ROW, rowNumber, null, null, "La ligne est vide.",
                ErrorCode.BLANK_ROW.defaultHint());
    }

    static ValidationError extraCell(long rowNumber, int position, String value) {
        return error(ErrorCode.EXTRA_CELL, rowNumber, null, value,
                "La ligne a plus de cellules que la ligne des noms de colonnes : la cellule n°" + position + " ("
                        + quote(value) + ") est en trop.",
                ErrorCode.EXTRA_CELL.defaultHint());
    }

    static ValidationError missingCell(long rowNumber, String label) {
        return error(ErrorCode.MISSING_CELL, rowNumber, label, null,
                "La ligne s'arrête avant la colonne " + quote(label) + " : la cellule manque.",
                ErrorCode.MISSING_CELL.defaultHint());
    }

    // Cells

    static ValidationError requiredValueMissing(long rowNumber, Field field, String value) {
        return error(ErrorCode.CONSTRAINT_ERROR, rowNumber, field.name(), value,
                "La colonne " + quote(field.name()) + " est obligatoire mais la cellule est vide.",
                "Renseignez la colonne " + quote(field.name()) + " sur cette ligne.");
    }

    static ValidationError typeError(long rowNumber, Field field, String value) {
        return error(ErrorCode.TYPE_ERROR, rowNumber, field.name(), value,
                "La valeur " + quote(value) + " de la colonne " + quote(field.name()) + " n'est pas "
                        + field.type().expected() + ".",
                field.type().hint());
    }

    static ValidationError constraintError(long rowNumber, Field field, String value, ValueConstraint constraint) {
        return error(ErrorCode.CONSTRAINT_ERROR, rowNumber, field.name(), value,
                "La valeur " + quote(value) + " de la colonne " + quote(field.name()) + " " + constraint.violation() + ".",
                constraint.hint());
    }

    static ValidationError customCheckError(long rowNumber, CustomCheck check, String value, CustomCheck.Violation violation) {
        return error(check.code(), rowNumber, check.field(), value,
                "La valeur " + quote(value) + " de la colonne " + quote(check.field()) + " " + violation.description() + ".",
                violation.hint());
    }

    static ValidationError rowCheckError(long rowNumber, RowCustomCheck check, RowCustomCheck.RowViolation violation) {
        return error(check.code(), rowNumber, check.field(), violation.value(), violation.message(), violation.hint());
    }

    // Across rows

    static ValidationError uniqueError(long rowNumber, Field field, String value, long firstRow) {
        return error(ErrorCode.UNIQUE_ERROR, rowNumber, field.name(), value,
                "La valeur " + quote(value) + " de la colonne " + quote(field.name()) + " figure déjà à la ligne " + firstRow
                        + " : chaque valeur de cette colonne doit être unique.",
                "Corrigez la valeur sur l'une des deux lignes " + firstRow + " et " + rowNumber
                        + ", ou supprimez l'une d'elles si c'est un doublon.");
    }

    static ValidationError primaryKeyDuplicate(long rowNumber, List<Field> keyFields, List<String> values, long firstRow) {
        String message = keyFields.size() == 1
                ? "L'identifiant " + quote(values.get(0)) + " de la colonne " + quote(keyFields.get(0).name())
                        + " est déjà utilisé à la ligne " + firstRow + " : chaque ligne doit avoir un identifiant différent."
                : "La combinaison " + quotes(values) + " des colonnes " + quotes(names(keyFields))
                        + " est déjà utilisée à la ligne " + firstRow
                        + " : chaque ligne doit avoir une combinaison différente de ces colonnes.";
        return error(ErrorCode.PRIMARY_KEY_ERROR, rowNumber, keyLabel(keyFields), String.join(", ", values), message,
                "Donnez un identifiant différent à l'une des lignes " + firstRow + " et " + rowNumber
                        + ", ou supprimez l'une d'elles si c'est un doublon.");
    }

    static ValidationError primaryKeyEmpty(long rowNumber, List<Field> keyFields, Field emptyField, String value) {
        String message = keyFields.size() == 1
                ? "La colonne " + quote(emptyField.name()) + " identifie chaque ligne, mais la cellule est vide."
                : "Les colonnes " + quotes(names(keyFields)) + " identifient ensemble chaque ligne, mais la cellule de la "
                        + "colonne " + quote(emptyField.name()) + " est vide.";
        return error(ErrorCode.PRIMARY_KEY_ERROR, rowNumber, keyLabel(keyFields), value, message,
                "Renseignez la colonne " + quote(emptyField.name()) + " sur cette ligne.");
    }

    static ValidationError duplicateRow(long rowNumber, List<String> cells, long firstRow) {
        return error(ErrorCode.DUPLICATE_ROW, rowNumber, null, String.join(", ", cells),
                "La ligne est identique à la ligne " + firstRow + ".",
                "Supprimez l'une des deux lignes " + firstRow + " et " + rowNumber + ".");
    }

    static ValidationError foreignKeyMissing(long rowNumber, ForeignKey key, List<String> values) {
        String message = key.fields().size() == 1
                ? "La valeur " + quote(values.get(0)) + " de la colonne " + quote(key.fields().get(0))
                        + " ne se retrouve dans aucune ligne du fichier, colonne " + quote(key.referencedFields().get(0)) + "."
                : "La combinaison " + quotes(values) + " des colonnes " + quotes(key.fields())
                        + " ne se retrouve dans aucune ligne du fichier, colonnes " + quotes(key.referencedFields()) + ".";
        return error(ErrorCode.FOREIGN_KEY_ERROR, rowNumber, String.join(", ", key.fields()), String.join(", ", values),
                message, "Saisissez une valeur présente dans la colonne " + quotes(key.referencedFields())
                        + " d'une autre ligne, ou laissez la cellule vide.");
    }

    private static ValidationError wholeFile(ErrorCode code, String message) {
        return error(code, ValidationError.WHOLE_FILE, null, null, message, code.defaultHint());
    }

    private static ValidationError error(ErrorCode code, long rowNumber, String field, String value, String message,
                                         String hint) {
        return new ValidationError(code, rowNumber, field, shorten(value, MAX_VALUE_CHARS), message, hint);
    }

    private static String quote(String text) {
        return "« " + shorten(text, MAX_QUOTED_CHARS) + " »";
    }

    /** « a », « b » et « c » */
    private static String quotes(List<String> texts) {
        List<String> quoted = texts.stream().map(ValidationErrors::quote).toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " et " + quoted.get(quoted.size() - 1);
    }

    private static List<String> names(List<Field> fields) {
        return fields.stream().map(Field::name).toList();
    }

    /** The column of a key error: the key's columns, joined, when there are several. */
    private static String keyLabel(List<Field> keyFields) {
        return String.join(", ", names(keyFields));
    }

    private static String shorten(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        return text.substring(0, maxChars) + "…";
    }
}
