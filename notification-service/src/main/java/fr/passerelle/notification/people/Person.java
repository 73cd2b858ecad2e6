package fr.passerelle.notification.people;

import java.util.List;

/**
 * A person as their last login told: where e-mail reaches them and what they may do.
 *
 * @param organization the organisation, or "" for an operator
 * @param login        the token's {@code upn}, what the audit log names them by
 * @param email        where messages go
 * @param roles        contributor, publisher, admin, ops
 */
public record Person(String organization, String login, String email, List<String> roles) {
}
