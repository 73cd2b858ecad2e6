package fr.passerelle.contracts;

/**
 * The claims of every token the services accept, whoever signs it: Passerelle's own issuer (machine
 * tokens of {@code POST …/tokens}, {@code ./passerelle token}, the end-to-end tests) or the people's
 * OpenID Connect provider (Keycloak, ProConnect…), whose mappers put the same claims in its access tokens.
 *
 * <p>One definition for every signer and verifier: the machine issuer's name is the one ingest signs
 * with and the one the services trust for the machine key, so that trusting a second issuer for people
 * can never refuse the machine tokens again.
 */
public final class TokenClaims {

    /** {@code iss} of the tokens Passerelle signs itself. */
    public static final String MACHINE_ISSUER = "passerelle";
    /** The organisation the token belongs to (absent for operators). */
    public static final String ORGANIZATION = "org";
    /** The roles (contributor, publisher, admin, ops). */
    public static final String ROLES = "groups";
    /** The subject as the audit log names it (a person's login or e-mail, a machine token's name). */
    public static final String NAME = "upn";

    private TokenClaims() {
    }
}
