package fr.passerelle.quality.engine.read;

import org.apache.poi.ss.usermodel.DateUtil;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Spreadsheet cell values as the text a CSV export should have held: numbers without a spurious
 * ".0", dates in ISO 8601 whatever the display format, so that the schema's types read them.
 */
final class SpreadsheetCells {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private SpreadsheetCells() {
    }

    /** A number cell: a date when its display format is a date one, else the plain number. */
    static String number(double value, int formatIndex, String formatString, boolean date1904) {
        if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            return date(DateUtil.getLocalDateTime(value, date1904, true));
        }
        return plain(value);
    }

    static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return plain(BigDecimal.valueOf(value));
    }

    /** "8.0" → "8", "1.2E3" → "1200", "5.7145295" unchanged. */
    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }

    /** yyyy-MM-dd for a date alone, HH:mm:ss for a time alone (Excel's day 0), else the ISO date-time. */
    static String date(LocalDateTime value) {
        if (value.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return value.toLocalDate().toString();
        }
        // Excel's day 0 (a time without a date) is 1899-12-31 in POI's reading; day 1 is 1900-01-01.
        if (value.getYear() < 1900) {
            return value.format(TIME);
        }
        return value.format(DATE_TIME);
    }
}
