package fr.passerelle.quality.engine.fix;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The foldings done by hand must give what their regular expressions and Normalizer gave, on any text. */
class FoldingTest {

    private static final String[] PIECES = {"a", "É", "é", "Œ", "œ", "ß", "Ø", "ÿ", "İ", "ǅ", "Ⅻ", "²", "½", "٣", "𝔸",
            "\uD83D\uDE00", "e\u0301", "\u0301", " ", "  ", "\t", "\n", "\u000B", "\u0001", "\u00A0", "\u2007", "\u202F",
            "_", "-", ".", "'", "’", ",", "12", "av", "Av.", "ST", "rue", "r", "Bd", "×", "÷", "ª", "º", "µ", "\u00AD"};

    @Test
    void foldsAsTheExpressionsDid() {
        Random random = new Random(16);
        for (int round = 0; round < 300_000; round++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(10);
            for (int i = 0; i < count; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String cell = text.toString();
            assertEquals(FieldValues.foldByPatterns(cell), FieldValues.fold(cell), cell);
            assertEquals(FieldValues.collapseSpacesByPattern(cell), FieldValues.collapseSpaces(cell), cell);
            assertEquals(AddressFolding.foldByPatterns(cell), AddressFolding.fold(cell), cell);
        }
    }

    /** The numbers of a totals row, read by hand, as the expression read them. */
    @Test
    void readsTotalsAsTheExpressionDid() {
        String[] pieces = {"1", "0", "9", "12", ".", ",", "+", "-", " ", "\u00A0", "\u202F", "\u2007", "\t", "e", "٣", "x"};
        Random random = new Random(16);
        int numbers = 0;
        for (int round = 0; round < 300_000; round++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(8);
            for (int i = 0; i < count; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String cell = text.toString();
            assertEquals(SpreadsheetFurniture.numberByPattern(cell), SpreadsheetFurniture.number(cell), cell);
            numbers += SpreadsheetFurniture.number(cell).isPresent() ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(numbers > 10_000, "numbers: " + numbers);
    }

    /** Numbers of up to 20 digits, around the 15 digits read without Double.parseDouble, are read as it reads them. */
    @Test
    void readsLongNumbersAsDoubleParsingDoes() {
        Random random = new Random(53);
        for (int round = 0; round < 300_000; round++) {
            StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
            int digits = 1 + random.nextInt(20);
            int point = random.nextInt(digits + 1);
            for (int i = 0; i < digits; i++) {
                if (i == point && i > 0) {
                    text.append(random.nextBoolean() ? ',' : '.');
                }
                text.append((char) ('0' + random.nextInt(10)));
            }
            String cell = text.toString();
            assertEquals(SpreadsheetFurniture.numberByPattern(cell), SpreadsheetFurniture.number(cell), cell);
        }
    }

    /** Every Latin-1 character, alone and between letters: the table covers them all. */
    @Test
    void foldsEveryLatin1Character() {
        for (char c = 0; c < 0x100; c++) {
            for (String cell : new String[] {String.valueOf(c), "a" + c + "b", c + " " + c}) {
                assertEquals(FieldValues.foldByPatterns(cell), FieldValues.fold(cell), cell);
                assertEquals(FieldValues.collapseSpacesByPattern(cell), FieldValues.collapseSpaces(cell), cell);
                assertEquals(AddressFolding.foldByPatterns(cell), AddressFolding.fold(cell), cell);
            }
        }
    }
}
