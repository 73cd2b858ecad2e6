package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.read.TableReader;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.ValueConstraint;

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

    public static ValidationError undecodableCharacters() {
        return wholeFile(ErrorCode.ENCODING_ERROR,
                "Certains caractères du fichier sont illisibles : des lettres accentuées risquent d'être mal affichées.");
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
        String message = "La colonne " + quote(field.name()) + " prévue par le schéma est absente du fichier."
                + (field.required() ? " Cette colonne est obligatoire." : "");
        return error(ErrorCode.MISSING_LABEL, rowNumber, field.name(), null, message,
                ErrorCode.MISSING_LABEL.defaultHint());
    }

    static ValidationError extraLabel(long rowNumber, String label, Optional<String> lookalike) {
        String hint = lookalike
                .map(name -> "Renommez la colonne " + quote(label) + " en " + quote(name)
                        + " : le nom doit être exactement celui du schéma, majuscules, accents et tirets compris.")
                .orElse(ErrorCode.EXTRA_LABEL.defaultHint());
        return error(ErrorCode.EXTRA_LABEL, rowNumber, label, label,
                "La colonne " + quote(label) + " du fichier n'est pas prévue par le schéma.", hint);
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

    private static String shorten(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        return text.substring(0, maxChars) + "…";
    }
}
