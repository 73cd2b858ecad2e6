package fr.passerelle.quality.engine.schema;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalQueries;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dates read by hand must be the dates the formatter reads, and only those. */
class IsoDateTest {

    @ParameterizedTest
    @ValueSource(strings = {"default", "%Y-%m-%d"})
    void readsWhatTheFormatterReads(String format) {
        TemporalType type = (TemporalType) TemporalType.of(TemporalType.Kind.DATE, format).orElseThrow();
        assertTrue(type.readsIsoDatesByHand(), format);
        DateTimeFormatter formatter = format.equals("default")
                ? DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT)
                : StrftimeFormat.of(format).orElseThrow().parser();
        Random random = new Random(16);
        String[] pieces = {"0", "1", "2", "9", "-", "/", "+", " ", "٣", "29", "30", "31", "02", "2024", "1900", "2000",
                "0000", "12", "13"};
        int dates = 0;
        for (int round = 0; round < 200_000; round++) {
            String text;
            if (random.nextBoolean()) {
                text = String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33));
            } else {
                StringBuilder cell = new StringBuilder();
                int count = random.nextInt(7);
                for (int i = 0; i < count; i++) {
                    cell.append(pieces[random.nextInt(pieces.length)]);
                }
                text = cell.toString();
            }
            Optional<Object> expected;
            try {
                expected = Optional.ofNullable(formatter.parse(text).query(TemporalQueries.localDate()));
            } catch (DateTimeException e) {
                expected = Optional.empty();
            }
            assertEquals(expected, type.cast(text), text);
            dates += expected.isPresent() ? 1 : 0;
        }
        assertTrue(dates > 50_000, "dates: " + dates);
    }
}
