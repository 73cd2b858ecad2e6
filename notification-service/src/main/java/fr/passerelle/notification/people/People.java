package fr.passerelle.notification.people;

import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/** The only writer of {@code person}: who logged in, with which address and roles. */
@ApplicationScoped
public class People {

    private final Transactions transactions;

    public People(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Records (or refreshes) the person, in the caller's transaction. */
    public Uni<Void> seen(Person person) {
        return transactions.mandatory(session -> session.createNativeQuery(
                        "INSERT INTO person (organization, login, email, roles, seen_at) VALUES (?1, ?2, ?3, ?4, now())"
                                + " ON CONFLICT (organization, login) DO UPDATE SET email = excluded.email,"
                                + " roles = excluded.roles, seen_at = now()")
                .setParameter(1, person.organization())
                .setParameter(2, person.login())
                .setParameter(3, person.email())
                .setParameter(4, String.join(",", person.roles()))
                .executeUpdate()).replaceWithVoid();
    }

    /** The people of {@code organization} ("" for operators) who have {@code role}, as they last logged in. */
    public Uni<List<Person>> withRole(String organization, String role) {
        return transactions.session(session -> session.createNativeQuery(
                        "SELECT organization, login, email, roles FROM person WHERE organization = ?1"
                                + " AND ?2 = ANY (string_to_array(roles, ',')) ORDER BY login", Object[].class)
                .setParameter(1, organization)
                .setParameter(2, role)
                .getResultList()).map(rows -> rows.stream().map(People::person).toList());
    }

    static Person person(Object[] row) {
        return new Person((String) row[0], (String) row[1], (String) row[2],
                Arrays.stream(((String) row[3]).split(",")).filter(role -> !role.isBlank()).toList());
    }
}
