package fr.passerelle.quality.settings;

/**
 * What staff decided for a whole organisation, applied to the files of each of its datasets unless the dataset
 * decided otherwise ({@link DatasetSettings}).
 *
 * @param locale the conventions the organisation's files are written under (BCP 47,
 *               {@value DatasetSettings#DEFAULT_LOCALE} by default): the order of 05/04/2024, the decimal separator
 */
public record OrganizationSettings(String locale) {

    public static final OrganizationSettings NONE = new OrganizationSettings(DatasetSettings.DEFAULT_LOCALE);

    public OrganizationSettings {
        locale = locale == null || locale.isBlank() ? DatasetSettings.DEFAULT_LOCALE : locale;
    }
}
