package fr.passerelle.catalog.dataset;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The descriptive metadata staff may edit; a field left out is left as it is. The coverage dates and the
 * contact, which have no empty value of their own, are emptied by an explicit {@code null} in the body
 * (as in a JSON merge patch): {@link #cleared}.
 *
 * @param licence   one of {@link fr.passerelle.catalog.metadata.Licence}'s ids
 * @param frequency one of {@link fr.passerelle.catalog.metadata.Frequency}'s ids
 * @param spatial   INSEE codes: communes (5 characters), départements (2–3), régions ("reg-84")
 * @param alwaysAsk when true, every new version waits for a publisher's approval, even once the dataset is
 *                  approved (a setting, not metadata: it is not published)
 * @param updatedBy who makes the change, for the approval journal: always the token's subject (whatever the
 *                  body says, see {@link #by})
 * @param cleared   the fields of {@link #CLEARABLE} that the body set to null: they are emptied (never read from
 *                  the body as such, see {@link MetadataJson})
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
        String updatedBy,
        Set<String> cleared) {

    /** The fields a null empties: those that an empty text or list cannot empty. */
    public static final Set<String> CLEARABLE = Set.of("temporalStart", "temporalEnd", "contactName", "contactEmail");

    @JsonCreator
    public MetadataUpdate {
        cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
    }

    /** The same change, made by {@code subject}: the journal names whoever holds the token, not what the body claims. */
    public MetadataUpdate by(String subject) {
        return new MetadataUpdate(title, description, keywords, theme, licence, frequency, temporalStart, temporalEnd,
                spatial, contactName, contactEmail, alwaysAsk, subject, cleared);
    }

    /** A change that empties nothing. */
    public MetadataUpdate(String title, String description, List<String> keywords, String theme, String licence,
                          String frequency, LocalDate temporalStart, LocalDate temporalEnd, List<String> spatial,
                          String contactName, String contactEmail, Boolean alwaysAsk, String updatedBy) {
        this(title, description, keywords, theme, licence, frequency, temporalStart, temporalEnd, spatial,
                contactName, contactEmail, alwaysAsk, updatedBy, Set.of());
    }

    /** The same change, emptying these fields (among {@link #CLEARABLE}). */
    public MetadataUpdate clearing(Set<String> fields) {
        return new MetadataUpdate(title, description, keywords, theme, licence, frequency, temporalStart, temporalEnd,
                spatial, contactName, contactEmail, alwaysAsk, updatedBy,
                fields.stream().filter(CLEARABLE::contains).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean clears(String field) {
        return cleared.contains(field);
    }

    /** The descriptive metadata alone, without the approval setting. */
    public MetadataUpdate(String title, String description, List<String> keywords, String theme, String licence,
                          String frequency, LocalDate temporalStart, LocalDate temporalEnd, List<String> spatial,
                          String contactName, String contactEmail) {
        this(title, description, keywords, theme, licence, frequency, temporalStart, temporalEnd, spatial,
                contactName, contactEmail, null, null, Set.of());
    }
}
