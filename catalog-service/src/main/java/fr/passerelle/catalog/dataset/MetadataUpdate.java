package fr.passerelle.catalog.dataset;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.LocalDate;
import java.util.List;

/**
 * The descriptive metadata staff may edit; a null field is left as it is.
 *
 * @param licence   one of {@link fr.passerelle.catalog.metadata.Licence}'s ids
 * @param frequency one of {@link fr.passerelle.catalog.metadata.Frequency}'s ids
 * @param spatial   INSEE codes: communes (5 characters), départements (2–3), régions ("reg-84")
 * @param alwaysAsk when true, every new version waits for a publisher's approval, even once the dataset is
 *                  approved (a setting, not metadata: it is not published)
 * @param updatedBy who makes the change, for the approval journal: always the token's subject (whatever the
 *                  body says, see {@link #by})
 */
public record MetadataUpdate(
        String title,
        String description,
        List<String> keywords,
        String theme,
        String licence,
        String frequency,
        LocalDate temporalStart,
        LocalDate temporalEnd,
        List<String> spatial,
        String contactName,
        String contactEmail,
        Boolean alwaysAsk,
        String updatedBy) {

    @JsonCreator
    public MetadataUpdate {
    }

    /** The same change, made by {@code subject}: the journal names whoever holds the token, not what the body claims. */
    public MetadataUpdate by(String subject) {
        return new MetadataUpdate(title, description, keywords, theme, licence, frequency, temporalStart, temporalEnd,
                spatial, contactName, contactEmail, alwaysAsk, subject);
    }

    /** The descriptive metadata alone, without the approval setting. */
    public MetadataUpdate(String title, String description, List<String> keywords, String theme, String licence,
                          String frequency, LocalDate temporalStart, LocalDate temporalEnd, List<String> spatial,
                          String contactName, String contactEmail) {
        this(title, description, keywords, theme, licence, frequency, temporalStart, temporalEnd, spatial,
                contactName, contactEmail, null, null);
    }
}
