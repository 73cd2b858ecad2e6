package fr.passerelle.notification.people;

import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/** The only writer of {@code preference}: what each address wants of each kind (no row: at once). */
@ApplicationScoped
public class Preferences {

    private final Transactions transactions;

    public Preferences(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The address's choices by kind code; a kind absent is {@link Delivery#IMMEDIATE}. */
    public Uni<Map<String, Delivery>> of(String email) {
        return transactions.session(session -> session.createNativeQuery(
                        "SELECT kind, delivery FROM preference WHERE email = ?1", Object[].class)
                .setParameter(1, email)
                .getResultList()).map(rows -> {
            Map<String, Delivery> choices = new HashMap<>();
            rows.forEach(row -> choices.put((String) row[0], Delivery.valueOf((String) row[1])));
            return choices;
        });
    }

    public Uni<Delivery> of(String email, String kind) {
        return of(email).map(choices -> choices.getOrDefault(kind, Delivery.IMMEDIATE));
    }

    /** In the caller's transaction. */
    public Uni<Void> choose(String email, String kind, Delivery delivery) {
        return transactions.mandatory(session -> session.createNativeQuery(
                        "INSERT INTO preference (email, kind, delivery) VALUES (?1, ?2, ?3)"
                                + " ON CONFLICT (email, kind) DO UPDATE SET delivery = excluded.delivery")
                .setParameter(1, email)
                .setParameter(2, kind)
                .setParameter(3, delivery.name())
                .executeUpdate()).replaceWithVoid();
    }
}
