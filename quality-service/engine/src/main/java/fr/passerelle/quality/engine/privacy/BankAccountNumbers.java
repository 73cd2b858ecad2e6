package fr.passerelle.quality.engine.privacy;

import org.apache.commons.validator.routines.IBANValidator;

import java.util.Locale;

/**
 * IBANs, French or foreign, written with or without spaces: Apache Commons Validator checks the
 * country's length and format (ISO 13616 registry) and the mod-97 check digits, so a mistyped or
 * made-up number is not flagged.
 */
final class BankAccountNumbers {

    private static final IBANValidator VALIDATOR = IBANValidator.getInstance();

    private BankAccountNumbers() {
    }

    /** True when the whole cell is one valid IBAN. */
    static boolean isIban(String cell) {
        // The shortest IBAN has 15 characters (Norway), the longest 34, plus a space every four.
        // Two letters (the country) then two digits (the check digits): most text fails here, cheaply.
        if (cell.length() < 15 || cell.length() > 45 || !Character.isLetter(cell.charAt(0))
                || !Character.isLetter(cell.charAt(1)) || !Character.isDigit(cell.charAt(2))
                || !Character.isDigit(cell.charAt(3))) {
            return false;
        }
        String compact = compact(cell);
        return compact != null && VALIDATOR.isValid(compact);
    }

    /** "FR76 •••• •••• 189": the country and its check digits, then the last three characters. */
    static String mask(String cell) {
        String compact = compact(cell);
        String iban = compact == null ? cell.strip() : compact;
        return iban.substring(0, Math.min(4, iban.length())) + " •••• •••• " + iban.substring(Math.max(4, iban.length() - 3));
    }

    private static String compact(String cell) {
        StringBuilder compact = new StringBuilder(34);
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128) {
                compact.append(c);
            } else if (c != ' ' && c != '\u00A0' && c != '-') {
                return null;
            }
        }
        return compact.toString().toUpperCase(Locale.ROOT);
    }
}
