package fr.passerelle.quality.engine.privacy;

import java.util.List;

/**
 * Personal data of one kind found in one column of the raw file.
 *
 * @param column   the column label as in the file's header
 * @param field    the schema field this column fills, or {@code null} when the schema does not expect the
 *                 column (it is then left out of the clean CSV, yet the raw file holds it)
 * @param kind     what was found
 * @param count    cells (for e-mails and phones: items) of that kind found in the column
 * @param samples  at most {@link #MAX_SAMPLES} examples, always masked (e.g. {@code j***@gmail.com}), never
 *                 the raw value
 * @param message  what was found, one French sentence
 * @param hint     what the clerk may do, one French sentence listing the actions
 * @param decision the action chosen for this column, or {@code null} while none covers it: the file is then
 *                 blocked, unless the schema asks for it
 * @param askedBySchema the schema field explicitly asks for data of this kind (e.g. a field of format email
 *                 described as the contact person's address): reported for information, never blocking
 */
public record PersonalDataFinding(String column, String field, PersonalDataKind kind, long count,
                                  List<String> samples, String message, String hint, PrivacyAction decision,
                                  boolean askedBySchema) {

    /** Masked examples kept per column and kind. */
    public static final int MAX_SAMPLES = 3;

    public PersonalDataFinding {
        samples = List.copyOf(samples);
    }

    /** A finding in a field that does not ask for it. */
    public PersonalDataFinding(String column, String field, PersonalDataKind kind, long count, List<String> samples,
                               String message, String hint, PrivacyAction decision) {
        this(column, field, kind, count, samples, message, hint, decision, false);
    }

    /** True while no decision covers this finding and the schema does not ask for such data there. */
    public boolean blocking() {
        return decision == null && !askedBySchema;
    }
}
