package fr.passerelle.quality.engine.schema;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The e-mail format checked by hand must accept exactly what its regular expression accepts. */
class EmailFormatTest {

    @Test
    void acceptsWhatTheRegularExpressionAccepts() {
        String[] pieces = {"a", "jean", ".", "@", "x", "fr", " ", "\t", "\u00A0", "\u000B", "-", "é", "..", "@@", "1"};
        Random random = new Random(16);
        int accepted = 0;
        for (int round = 0; round < 300_000; round++) {
            StringBuilder cell = new StringBuilder();
            int count = random.nextInt(9);
            for (int i = 0; i < count; i++) {
                cell.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = cell.toString();
            assertEquals(StringType.isEmailByPattern(text), StringType.isEmail(text), text);
            accepted += StringType.isEmail(text) ? 1 : 0;
        }
        assertTrue(accepted > 500, "accepted: " + accepted);
    }
}
