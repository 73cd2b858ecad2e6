package fr.passerelle.quality.settings;

import fr.passerelle.quality.engine.privacy.PrivacyAction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What staff decided for a dataset, applied to each file it receives.
 *
 * @param columnMapping    file column label → schema field, {@code ""} to ignore the column
 * @param privacyDecisions file column label → what to do with the personal data found there
 * @param locale           the conventions its files are written under (BCP 47, {@value #DEFAULT_LOCALE} by
 *                         default): they settle what the values leave open, such as the order of 05/04/2024
 */
public record DatasetSettings(Map<String, String> columnMapping, Map<String, PrivacyAction> privacyDecisions,
                              String locale) {

    public static final String DEFAULT_LOCALE = "fr-FR";
    public static final DatasetSettings NONE = new DatasetSettings(Map.of(), Map.of(), DEFAULT_LOCALE);

    public DatasetSettings {
        columnMapping = columnMapping == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columnMapping));
        privacyDecisions = privacyDecisions == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(privacyDecisions));
        locale = locale == null || locale.isBlank() ? DEFAULT_LOCALE : locale;
    }

    public DatasetSettings(Map<String, String> columnMapping, Map<String, PrivacyAction> privacyDecisions) {
        this(columnMapping, privacyDecisions, DEFAULT_LOCALE);
    }

    /** The locale to read the dataset's files with. */
    public Locale readingLocale() {
        return Locale.forLanguageTag(locale);
    }
}
