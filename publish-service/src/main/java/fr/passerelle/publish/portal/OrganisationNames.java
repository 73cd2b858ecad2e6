package fr.passerelle.publish.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;

/**
 * What the portal calls an organisation. Passerelle knows organisations by their identifier only (the {@code org}
 * claim of tokens, the first part of every path): nothing in the pipeline holds their names, so the portal takes
 * them from its configuration, {@code passerelle.portal.organizations.<identifier>=<name>}. An organisation not
 * listed is named from its identifier ({@code grenoble-alpes} → « Grenoble alpes »), never shown as a raw slug.
 */
@ApplicationScoped
public class OrganisationNames {

    @ConfigMapping(prefix = "passerelle.portal.organizations")
    public interface Configured {
        @WithParentName
        Map<String, String> names();
    }

    private final Map<String, String> names;

    @Inject
    public OrganisationNames(Configured configured) {
        this.names = Map.copyOf(configured.names());
    }

    OrganisationNames(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    String of(String organization) {
        String name = names.get(organization);
        return name == null || name.isBlank() ? fromIdentifier(organization) : name.strip();
    }

    static String fromIdentifier(String organization) {
        String words = organization.replace('-', ' ').strip();
        return words.isEmpty() ? organization : words.substring(0, 1).toUpperCase(Locale.FRENCH) + words.substring(1);
    }
}
