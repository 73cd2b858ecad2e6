package fr.passerelle.quality.settings;

/** Where a check finds the locale of the organisation a file belongs to. */
@FunctionalInterface
public interface OrganizationLocales {

    /** The organisation's locale as a BCP 47 tag; {@value DatasetSettings#DEFAULT_LOCALE} when it has none. */
    String locale(String organization);
}
