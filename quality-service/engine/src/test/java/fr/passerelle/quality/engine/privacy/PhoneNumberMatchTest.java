package fr.passerelle.quality.engine.privacy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The phone numbers found by hand must be those the regular expression finds, at the same places. */
class PhoneNumberMatchTest {

    @Test
    void findsWhatTheRegularExpressionFinds() {
        String[] pieces = {"0", "6", "1", "2", "9", "00", "33", "+", "+33", "0033", "(0)", " ", ".", "-", ",", "\u00A0",
                "\u202F", "\t", "x", "é", "06 12 34 56 78", "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "0612345678",
                "01.23.45.67.89", "48.0612345678", "12", "34", "\uD83D\uDE00", "/", ";", "(", ")"};
        Random random = new Random(16);
        int found = 0;
        for (int round = 0; round < 300_000; round++) {
            StringBuilder cell = new StringBuilder();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                cell.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = cell.toString();
            List<FrenchPhoneNumbers.Found> byHand = new ArrayList<>();
            FrenchPhoneNumbers.find(text, byHand::add);
            List<FrenchPhoneNumbers.Found> byPattern = new ArrayList<>();
            // The cheap test before the expression (mayHoldANumber) stays in find: a number it turns away must be
            // one the expression does not match either, or this fails.
            FrenchPhoneNumbers.findByPattern(text, byPattern::add);
            assertEquals(byPattern, byHand, text);
            found += byHand.size();
        }
        // The random cells hold numbers often enough for the comparison to mean something.
        assertTrue(found > 10_000, "numbers found: " + found);
    }
}
