package fr.passerelle.quality.engine.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Picks the field separator from the header: French spreadsheets write {@code ;} (the comma being
 * the decimal mark), most other tools {@code ,}, and some a tab.
 */
public final class DelimiterSniffer {

    /** In order of preference when two candidates split the header equally. */
    static final List<Character> CANDIDATES = List.of(',', ';', '\t');
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
