package fr.passerelle.quality.engine.privacy;

/**
 * French social security numbers (NIR, "numéro de sécurité sociale"): 13 characters and a 2-digit key,
 * {@code key = 97 - (number mod 97)}, written with or without spaces, dots or dashes. For people born in
 * Corsica the department is 2A or 2B, counted as 19 and 18 when computing the key. A number whose key
 * does not match is not flagged: 15 random digits rarely pass, so identifiers are not mistaken for NIRs.
 */
final class SocialSecurityNumbers {

    private SocialSecurityNumbers() {
    }

    /** True when the whole cell is one NIR with its right key. */
    static boolean isNir(String cell) {
        String compact = compact(cell);
        if (compact == null) {
            return false;
        }
        // 1, 2: born in France or abroad, registered; 3, 4: provisional; 7, 8: temporary (NIA).
        char sex = compact.charAt(0);
        if ("123478".indexOf(sex) < 0) {
            return false;
        }
        int month = Integer.parseInt(compact.substring(3, 5));
        // 01-12, or 20-42 and 50-99 when the month of birth is unknown (INSEE rules).
        if (month == 0 || (month > 12 && month < 20) || (month > 42 && month < 50)) {
            return false;
        }
        String department = compact.substring(5, 7);
        String digits;
        if (department.equals("2A")) {
            digits = compact.substring(0, 5) + "19" + compact.substring(7, 13);
        } else if (department.equals("2B")) {
            digits = compact.substring(0, 5) + "18" + compact.substring(7, 13);
        } else if (Character.isDigit(department.charAt(0)) && Character.isDigit(department.charAt(1))) {
            digits = compact.substring(0, 13);
        } else {
            return false;
        }
        long number = Long.parseLong(digits);
        int key = Integer.parseInt(compact.substring(13, 15));
        return key == 97 - (int) (number % 97);
    }

    /** "1 •• •• •• ••• ••• ••": only the first digit (sex), so the mask says what it was without telling whose. */
    static String mask(String cell) {
        return cell.strip().charAt(0) + " •• •• •• ••• ••• ••";
    }

    /** The 15 characters without separators, 2A/2B upper-cased, or {@code null} when the cell is not shaped like one. */
    private static String compact(String cell) {
        if (cell.length() < 15 || cell.length() > 24) {
            return null;
        }
        StringBuilder compact = new StringBuilder(15);
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                compact.append(c);
            } else if ((c == 'A' || c == 'B' || c == 'a' || c == 'b') && compact.length() == 6) {
                compact.append(Character.toUpperCase(c));
            } else if (c != ' ' && c != '.' && c != '-' && c != '\u00A0') {
                return null;
            }
            if (compact.length() > 15) {
                return null;
            }
        }
        return compact.length() == 15 ? compact.toString() : null;
    }
}
