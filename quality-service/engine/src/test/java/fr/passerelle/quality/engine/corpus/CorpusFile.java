package fr.passerelle.quality.engine.corpus;

import java.util.List;

/**
 * One messy file of the corpus: its truth, the messes applied, the bytes a local authority would send, and the
 * expected outcome: the truth published, or BLOCKED when the file holds personal data.
 *
 * @param untouched which truth cells reach the file as the truth has them ([row][field])
 */
public record CorpusFile(String name, String schema, Truth truth, List<String> messes, boolean expectBlocked,
                         byte[] content, boolean[][] untouched) {

    public String expected() {
        return expectBlocked ? "BLOCKED" : "VALID";
    }

    public int rowCount() {
        return truth.rows().size();
    }
}
