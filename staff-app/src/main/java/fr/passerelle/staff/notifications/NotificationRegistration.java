package fr.passerelle.staff.notifications;

import fr.passerelle.staff.services.NotificationApi;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * At each login, tells notification-service who the person is ({@code PUT /api/v1/me} with their token): it sends
 * the organisation's messages to the people it has seen. The OIDC login event is observed asynchronously, so the
 * call never delays nor blocks the page; the service being away only costs a log line (the next login tells it).
 */
@ApplicationScoped
public class NotificationRegistration {

    private static final Logger LOG = Logger.getLogger(NotificationRegistration.class);

    private final NotificationApi notifications;

    public NotificationRegistration(@RestClient NotificationApi notifications) {
        this.notifications = notifications;
    }

    void onLogin(@ObservesAsync SecurityEvent event) {
        if (event.getEventType() == SecurityEvent.Type.OIDC_LOGIN) {
            introduce(event.getSecurityIdentity());
        }
    }

    /** @return whether the service now knows the person */
    boolean introduce(SecurityIdentity identity) {
        AccessTokenCredential token = identity == null ? null : identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            LOG.warn("Login without an access token: notification-service not told");
            return false;
        }
        try {
            notifications.introduce("Bearer " + token.getToken());
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("notification-service not told of %s's login: %s", identity.getPrincipal().getName(), e.getMessage());
            return false;
        }
    }
}
