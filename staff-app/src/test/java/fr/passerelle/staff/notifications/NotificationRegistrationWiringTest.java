package fr.passerelle.staff.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.passerelle.staff.services.NotificationApi;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

/**
 * In the running app: the login event quarkus-oidc fires (synchronously and asynchronously) reaches
 * {@link NotificationRegistration}, which calls notification-service with the person's token.
 */
@QuarkusTest
class NotificationRegistrationWiringTest {

    @Inject
    Event<SecurityEvent> events;

    @Test
    void theOidcLoginEventTellsNotificationServiceWithThePersonsToken() throws Exception {
        CompletableFuture<String> told = new CompletableFuture<>();
        NotificationApi service = (NotificationApi) Proxy.newProxyInstance(NotificationApi.class.getClassLoader(),
                new Class<?>[] {NotificationApi.class}, (proxy, method, args) -> {
                    if (method.getName().equals("introduce")) {
                        told.complete((String) args[0]);
                        return null;
                    }
                    throw new AssertionError("unexpected call " + method.getName());
                });
        QuarkusMock.installMockForType(service, NotificationApi.class, RestClient.LITERAL);
        QuarkusSecurityIdentity person = QuarkusSecurityIdentity.builder()
                .setPrincipal((java.security.Principal) () -> "alix@demo")
                .addCredential(new AccessTokenCredential("jeton-alix")).build();

        // As quarkus-oidc's SecurityEventHelper does at the end of the code flow.
        SecurityEvent login = new SecurityEvent(SecurityEvent.Type.OIDC_LOGIN, person);
        events.fire(login);
        events.fireAsync(login);

        assertEquals("Bearer jeton-alix", told.get(20, TimeUnit.SECONDS));
    }
}
