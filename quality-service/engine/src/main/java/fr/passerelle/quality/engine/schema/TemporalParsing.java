package fr.passerelle.quality.engine.schema;

import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Optional;

/** Tries formatters in turn; the first that reads the whole text (and a real date) wins. */
final class TemporalParsing {

    private TemporalParsing() {
    }

    static Optional<TemporalAccessor> parse(List<DateTimeFormatter> formatters, String text) {
        for (DateTimeFormatter formatter : formatters) {
            try {
                return Optional.of(formatter.parse(text));
            } catch (DateTimeException e) {
                // Not this one (or 31 February under the strict resolver): try the next formatter.
            }
        }
        return Optional.empty();
    }
}
