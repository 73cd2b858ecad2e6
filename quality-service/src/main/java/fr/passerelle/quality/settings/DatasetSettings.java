package fr.passerelle.quality.settings;

import fr.passerelle.quality.engine.privacy.PrivacyAction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What staff decided for a dataset, applied to each file it receives.
 *
 * @param columnMapping    file column label → schema field, {@code ""} to ignore the column
 * @param privacyDecisions file column label → what to do with the personal data found there
 */
public record DatasetSettings(Map<String, String> columnMapping, Map<String, PrivacyAction> privacyDecisions) {

    public static final DatasetSettings NONE = new DatasetSettings(Map.of(), Map.of());

    public DatasetSettings {
        columnMapping = columnMapping == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columnMapping));
        privacyDecisions = privacyDecisions == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(privacyDecisions));
    }
}
