package fr.passerelle.platform.audit;

/**
 * Who an audit entry names: a person or machine token and the address it came from, or a French
 * label for work that nobody asked for at that moment.
 *
 * @param address the client's IP address; null when no request caused the action
 */
public record Actor(String name, String address) {

    /** A file put in the dropzone bucket by an automated export. */
    public static final Actor DROPZONE = new Actor("dépôt automatique", null);
    /** A dataset's export URL, fetched on its schedule. */
    public static final Actor SCHEDULED_PULL = new Actor("relève automatique", null);
    /** A version pushed to a remote portal after its publication. */
    public static final Actor REMOTE_PUBLICATION = new Actor("publication automatique", null);

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An audit actor needs a name");
        }
    }
}
