package fr.passerelle.platform.audit;

import fr.passerelle.contracts.AuditRecorded;
import fr.passerelle.platform.outbox.Outbox;
import fr.passerelle.platform.security.Caller;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes an organisation's audit log: who did what, when, from where. Each entry leaves through the
 * outbox in the caller's transaction, so there is an entry if and only if the action committed; the
 * ingest service collects them from {@code passerelle.audit.v1} and serves them to the admins.
 *
 * <p>Details are read by people of the organisation: they must never hold a secret (an API key, a
 * token, a password in a URL). {@link #safeUrl(String)} keeps what a URL says without what it hides.
 */
@ApplicationScoped
public class AuditTrail {

    /** Dotted lower-case words, such as {@code schema.custom.created}: a stable code for scripts. */
    static final Pattern ACTION = Pattern.compile("[a-z]+(\\.[a-z]+)+");
    static final int MAX_DETAIL = 500;

    private final Outbox outbox;
    private final Caller caller;

    public AuditTrail(Outbox outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    /**
     * Records an action of the person behind the HTTP request being served, in its transaction.
     *
     * @param dataset null for an action on the organisation itself
     * @param detail  a short French sentence, without secrets
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecorded record(String action, String organization, String dataset, String detail) {
        return record(caller(), action, organization, dataset, detail);
    }

    /** Records an action of a named actor, for work that no HTTP request caused (drops, scheduled pulls). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecorded record(Actor actor, String action, String organization, String dataset, String detail) {
        AuditRecorded entry = entry(actor, action, organization, dataset, detail);
        outbox.publish(entry);
        return entry;
    }

    /**
     * The entry an action makes, checked, without writing it: for a service on Hibernate Reactive, whose outbox
     * write is {@code platform-reactive}'s ({@code ReactiveAuditTrail}).
     */
    public static AuditRecorded entry(Actor actor, String action, String organization, String dataset, String detail) {
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("Not an audit action code: " + action);
        }
        if (organization == null || organization.isBlank()) {
            throw new IllegalArgumentException("An audit entry belongs to an organisation");
        }
        // Microseconds, as PostgreSQL keeps them: the occurredAt an admin pages with is the one on the topic.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new AuditRecorded(UUID.randomUUID().toString(), now, organization, dataset,
                actor.name(), actor.address(), action, shortened(detail));
    }

    /** The person (or machine token) behind the HTTP request being served, and its address. */
    public Actor caller() {
        return new Actor(caller.subject(), caller.address());
    }

    /**
     * The caller when an HTTP request is being served (a person asked for a pull now), else the given
     * label (the same pull on its schedule, from a Kafka consumer or a timer).
     */
    public Actor callerOr(Actor unattended) {
        return servingRequest() ? caller() : unattended;
    }

    /** Whether this thread serves an HTTP request; a request context alone may be a Kafka message's. */
    boolean servingRequest() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return false;
        }
        InstanceHandle<CurrentVertxRequest> request = container.instance(CurrentVertxRequest.class);
        return request.isAvailable() && request.get().getCurrent() != null;
    }

    /**
     * A URL as an audit detail may show it: scheme, host, port and path, without the user information,
     * query or fragment where exports and portals put their tokens.
     */
    public static String safeUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "(adresse illisible)";
            }
            String shown = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
            return uri.getRawQuery() != null || uri.getRawFragment() != null ? shown + "?…" : shown;
        } catch (IllegalArgumentException e) {
            return "(adresse illisible)";
        }
    }

    /** One line of bounded length: the log is for people, and an entry must not carry a file's worth of text. */
    static String shortened(String detail) {
        if (detail == null) {
            return null;
        }
        String line = detail.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL - 1) + "…";
    }
}
