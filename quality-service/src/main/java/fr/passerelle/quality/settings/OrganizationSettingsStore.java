package fr.passerelle.quality.settings;

import fr.passerelle.platform.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The {@code organization_settings} table: one row per organisation that has settings. */
@ApplicationScoped
public class OrganizationSettingsStore implements OrganizationLocales {

    private final Database database;

    public OrganizationSettingsStore(Database database) {
        this.database = database;
    }

    /** The organisation's settings; {@link OrganizationSettings#NONE} when it has none. */
    public OrganizationSettings find(String organization) {
        return database.queryOne("SELECT locale FROM organization_settings WHERE organization = ?",
                row -> new OrganizationSettings(row.getString(1)), organization).orElse(OrganizationSettings.NONE);
    }

    @Override
    public String locale(String organization) {
        return organization == null ? DatasetSettings.DEFAULT_LOCALE : find(organization).locale();
    }

    @Transactional
    public void save(String organization, OrganizationSettings settings) {
        database.update("INSERT INTO organization_settings (organization, locale) VALUES (?, ?)"
                + " ON CONFLICT (organization) DO UPDATE SET locale = EXCLUDED.locale, updated_at = now()",
                organization, settings.locale());
    }
}
