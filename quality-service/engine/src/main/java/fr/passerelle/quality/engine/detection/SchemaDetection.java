package fr.passerelle.quality.engine.detection;

import java.util.List;
import java.util.Optional;

/**
 * Which schema a file was found to follow, when none was named.
 *
 * @param chosenSchema the catalogue name of the schema chosen, or {@code null} when none reached the threshold
 * @param ranked       the closest schemas, best first, at most {@link SchemaDetector#MAX_CANDIDATES}
 * @param threshold    the least score a schema needed to be chosen
 * @param message      one French sentence for the clerk: what was chosen, or the closest schemas
 */
public record SchemaDetection(String chosenSchema, List<SchemaCandidate> ranked, double threshold, String message) {

    public SchemaDetection {
        ranked = List.copyOf(ranked);
    }

    /** The chosen schema's catalogue name, if one fitted. */
    public Optional<String> chosen() {
        return Optional.ofNullable(chosenSchema);
    }
}
