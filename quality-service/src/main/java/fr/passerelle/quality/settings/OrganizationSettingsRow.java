package fr.passerelle.quality.settings;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the {@code organization_settings} table, as {@link OrganizationSettingsStore} reads it. */
@Entity
@Table(name = "organization_settings")
class OrganizationSettingsRow {

    @Id
    String organization;
    String locale;
}
