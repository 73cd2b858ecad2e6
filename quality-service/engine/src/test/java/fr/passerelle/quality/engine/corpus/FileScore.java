package fr.passerelle.quality.engine.corpus;

import java.util.List;

/**
 * How one corpus file came out: its verdict, and for a file to publish, the published cells against the truth.
 *
 * @param cells        the truth's cells, plus those of any published row the truth does not have
 * @param right        published cells equal to the truth's (in the field's type: 7.40 = 7.4)
 * @param broken       cells that reached the file right and were published wrong: the engine broke them
 * @param read         the engine read the file (no format or source error)
 * @param reason       why it was not published as expected (empty when it was)
 */
public record FileScore(CorpusFile file, String verdict, boolean read, long cells, long right, long broken,
                        List<WrongCell> wrong, String reason) {

    public record WrongCell(String file, int row, String field, String expected, String got, boolean broken) {

        @Override
        public String toString() {
            return file + " ligne " + row + ", " + field + " : attendu « " + expected + " », publié « " + got + " »"
                    + (broken ? " (juste dans le fichier envoyé)" : "");
        }
    }

    boolean expectedToPublish() {
        return !file.expectBlocked();
    }

    boolean blockedAsExpected() {
        return file.expectBlocked() && "BLOCKED".equals(verdict);
    }

    boolean perfect() {
        return expectedToPublish() && "VALID".equals(verdict) && right == cells;
    }

    boolean rejected() {
        return expectedToPublish() && !"VALID".equals(verdict);
    }
}
