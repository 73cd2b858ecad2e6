package fr.passerelle.quality.settings;

import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code organization_settings} table: one row per organisation that has settings. Its only writer. */
@ApplicationScoped
public class OrganizationSettingsStore {

    private final Transactions transactions;

    public OrganizationSettingsStore(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The organisation's settings; {@link OrganizationSettings#NONE} when it has none. */
    public Uni<OrganizationSettings> find(String organization) {
        return transactions.session(session -> session.find(OrganizationSettingsRow.class, organization))
                .map(row -> row == null ? OrganizationSettings.NONE : new OrganizationSettings(row.locale));
    }

    /** The organisation's locale as a BCP 47 tag; {@value DatasetSettings#DEFAULT_LOCALE} when it has none. */
    public Uni<String> locale(String organization) {
        return organization == null || organization.isBlank() ? Uni.createFrom().item(DatasetSettings.DEFAULT_LOCALE)
                : find(organization).map(OrganizationSettings::locale);
    }

    /** In the caller's transaction. */
    public Uni<Void> save(String organization, OrganizationSettings settings) {
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO organization_settings"
                        + " (organization, locale) VALUES (?1, ?2) ON CONFLICT (organization) DO UPDATE SET"
                        + " locale = EXCLUDED.locale, updated_at = now()")
                .setParameter(1, organization)
                .setParameter(2, settings.locale())
                .executeUpdate()).replaceWithVoid();
    }
}
