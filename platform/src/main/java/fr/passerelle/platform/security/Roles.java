package fr.passerelle.platform.security;

import java.util.List;

/**
 * The roles a token may carry in its {@code groups} claim. Roles of an organisation come with the
 * token's organisation claim; {@code ops} is the platform's, and carries no organisation.
 *
 * <p>They are plain strings because annotations ({@code @RolesAllowed}) need constants.
 */
public final class Roles {

    /** Uploads files, edits a dataset's metadata, reads the organisation's data. */
    public static final String CONTRIBUTOR = "contributor";
    /** Approves versions, configures publication targets, privacy decisions and custom schemas. */
    public static final String PUBLISHER = "publisher";
    /** Manages the organisation's people and tokens, reads its audit log. */
    public static final String ADMIN = "admin";
    /** Runs the platform: dashboards and dead letters; no data of any organisation. */
    public static final String OPS = "ops";

    /** Roles that belong to an organisation, in the order they are usually granted. */
    public static final List<String> OF_AN_ORGANIZATION = List.of(CONTRIBUTOR, PUBLISHER, ADMIN);

    private Roles() {
    }

    public static boolean isKnown(String role) {
        return OF_AN_ORGANIZATION.contains(role) || OPS.equals(role);
    }
}
