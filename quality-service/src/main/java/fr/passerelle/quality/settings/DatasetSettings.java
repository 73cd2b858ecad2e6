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
 * @param locale           the conventions its files are written under (BCP 47): they settle what the values leave
 *                         open, such as the order of 05/04/2024; null when the dataset follows its organisation's
 *                         locale ({@link OrganizationSettings}, {@value #DEFAULT_LOCALE} by default)
 */
public record DatasetSettings(Map<String, String> columnMapping, Map<String, PrivacyAction> privacyDecisions,
                              String locale) {

    public static final String DEFAULT_LOCALE = "fr-FR";
    public static final DatasetSettings NONE = new DatasetSettings(Map.of(), Map.of(), null);

    public DatasetSettings {
        columnMapping = columnMapping == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columnMapping));
        privacyDecisions = privacyDecisions == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(privacyDecisions));
        locale = locale == null || locale.isBlank() ? null : locale;
    }

    public DatasetSettings(Map<String, String> columnMapping, Map<String, PrivacyAction> privacyDecisions) {
        this(columnMapping, privacyDecisions, null);
    }

    /**
     * The locale to read the dataset's files with: its own, else its organisation's, else {@value #DEFAULT_LOCALE}.
     *
     * @param organizationLocale the organisation's locale, null or blank when it has none
     */
    public Locale readingLocale(String organizationLocale) {
        if (locale != null) {
            return Locale.forLanguageTag(locale);
        }
        return Locale.forLanguageTag(organizationLocale == null || organizationLocale.isBlank() ? DEFAULT_LOCALE
                : organizationLocale);
    }
}
