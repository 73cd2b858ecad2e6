package fr.passerelle.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * What a remote portal needs to describe a dataset, as the catalogue holds it when it asks for a
 * publication. Fields added after the first five are null from older producers.
 *
 * @param licence       an id such as {@code etalab-2.0}
 * @param frequency     an id such as {@code monthly}
 * @param theme         the catalogue's theme, free text (e.g. {@code Transports})
 * @param temporalStart the first day the data covers, or null
 * @param temporalEnd   the last day the data covers, or null (still running)
 * @param spatial       INSEE codes: communes ({@code 38185}), départements ({@code 38}, {@code 2A}),
 *                      régions ({@code reg-84})
 */
public record DatasetMetadata(
        String title,
        String description,
        List<String> keywords,
        String licence,
        String frequency,
        String theme,
        LocalDate temporalStart,
        LocalDate temporalEnd,
        List<String> spatial,
        String contactName,
        String contactEmail) {

    /** The first five fields only, as producers before the others wrote it. */
    public DatasetMetadata(String title, String description, List<String> keywords, String licence, String frequency) {
        this(title, description, keywords, licence, frequency, null, null, null, null, null, null);
    }
}
