package fr.passerelle.notification.people;

import fr.passerelle.notification.outcome.MessageKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Who must hear of an outcome: the addresses of the kind's audience for that organisation and dataset. */
@ApplicationScoped
public class Recipients {

    private final People people;
    private final Contributors contributors;
    private final List<String> operators;

    public Recipients(People people, Contributors contributors,
                      @ConfigProperty(name = "passerelle.notifications.ops-recipients") Optional<String> operators) {
        this.people = people;
        this.contributors = contributors;
        this.operators = operators.map(list -> Arrays.stream(list.split(",")).map(String::trim)
                .filter(address -> !address.isEmpty()).toList()).orElse(List.of());
    }

    public Uni<Set<String>> of(MessageKind kind, String organization, String dataset) {
        return switch (kind.audience()) {
            // The people who worked on the dataset; when nobody did yet (a dataset fed by an export from the start),
            // the organisation's contributors, so that a refused drop is never told to nobody.
            case CONTRIBUTORS -> (dataset == null ? Uni.createFrom().item(List.<String>of())
                    : contributors.addressesOf(organization, dataset))
                    .chain(known -> known.isEmpty() ? addressesWithRole(organization, "contributor")
                            : Uni.createFrom().item(new LinkedHashSet<>(known)));
            case PUBLISHERS -> addressesWithRole(organization, "publisher");
            case ADMINS -> addressesWithRole(organization, "admin");
            case OPS -> addressesWithRole("", "ops").map(known -> {
                Set<String> all = new LinkedHashSet<>(operators);
                all.addAll(known);
                return all;
            });
        };
    }

    private Uni<Set<String>> addressesWithRole(String organization, String role) {
        return people.withRole(organization == null ? "" : organization, role)
                .map(found -> {
                    Set<String> addresses = new LinkedHashSet<>();
                    found.forEach(person -> addresses.add(person.email()));
                    return addresses;
                });
    }
}
