package fr.passerelle.quality.engine.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Picks the field separator from the header: French spreadsheets write {@code ;} (the comma being
 * the decimal mark), most other tools {@code ,}, some a tab or {@code |}.
 */
public final class DelimiterSniffer {

    /** In order of preference when two candidates split the header equally. */
    static final List<Character> CANDIDATES = List.of(',', ';', '\t', '|');
    static final char FALLBACK = ',';

    /** Leading blank lines tolerated before the header. */
    private static final int MAX_LEADING_BLANK_ROWS = 100;

    private DelimiterSniffer() {
    }

    /**
     * Parses the first non-blank record with each candidate (quotes respected, so a {@code ;}
     * inside a quoted label does not count) and keeps the one giving the most cells.
     */
    public static char sniff(Path file, DetectedEncoding encoding) throws IOException {
        char best = FALLBACK;
        int bestCount = 1;
        for (char candidate : CANDIDATES) {
            int count = headerCellCount(file, new Dialect(encoding.charset(), encoding.bomLength(), candidate));
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    /**
     * Like {@link #sniff(Path, DetectedEncoding)}, but first prefers the candidate whose first
     * {@value HeaderLocator#LOOKAHEAD} records hold a row naming the most schema fields: with a title
     * row above the header, the first record tells nothing.
     */
    public static char sniff(Path file, DetectedEncoding encoding, Collection<String> fieldNames) throws IOException {
        Set<String> expected = HeaderLocator.looseKeys(fieldNames);
        char best = FALLBACK;
        int bestMatches = 0;
        int bestCount = 1;
        for (char candidate : CANDIDATES) {
            Dialect dialect = new Dialect(encoding.charset(), encoding.bomLength(), candidate);
            int matches = bestHeaderMatches(file, dialect, expected);
            int count = headerCellCount(file, dialect);
            if (matches > bestMatches || (matches == bestMatches && count > bestCount)) {
                best = candidate;
                bestMatches = matches;
                bestCount = count;
            }
        }
        return best;
    }

    private static int bestHeaderMatches(Path file, Dialect dialect, Set<String> expected) throws IOException {
        int best = 0;
        try (TableReader reader = TableReader.open(file, dialect)) {
            for (int i = 0; i < HeaderLocator.LOOKAHEAD; i++) {
                TableRow row = reader.next();
                if (row == null) {
                    break;
                }
                best = Math.max(best, HeaderLocator.matches(row, expected));
            }
        } catch (UnreadableRowException e) {
            // What was read counts.
        }
        return best;
    }

    private static int headerCellCount(Path file, Dialect dialect) throws IOException {
        try (TableReader reader = TableReader.open(file, dialect)) {
            for (int i = 0; i < MAX_LEADING_BLANK_ROWS; i++) {
                TableRow row = reader.next();
                if (row == null) {
                    return 0;
                }
                if (!row.isBlank()) {
                    return row.size();
                }
            }
            return 0;
        } catch (UnreadableRowException e) {
            // This candidate cannot even read the header; the others may.
            return 0;
        }
    }
}
