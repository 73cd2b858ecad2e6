package fr.passerelle.catalog.dataset;

import java.time.LocalDate;
import java.util.List;

/**
 * The descriptive metadata staff may edit; a null field is left as it is.
 *
 * @param licence   one of {@link fr.passerelle.catalog.metadata.Licence}'s ids
 * @param frequency one of {@link fr.passerelle.catalog.metadata.Frequency}'s ids
 * @param spatial   INSEE codes: communes (5 characters), départements (2–3), régions ("reg-84")
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
        String contactEmail) {
}
