package fr.passerelle.staff.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.staff.services.NotificationApi;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.ws.rs.ProcessingException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationRegistrationTest {

    private final List<String> introduced = new ArrayList<>();

    /** notification-service as the app sees it: only {@code introduce} answers, or fails with {@code failure}. */
    private NotificationApi service(RuntimeException failure) {
        return (NotificationApi) Proxy.newProxyInstance(NotificationApi.class.getClassLoader(),
                new Class<?>[] {NotificationApi.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("introduce")) {
                        throw new AssertionError("only PUT /me at login, not " + method.getName());
                    }
                    introduced.add((String) args[0]);
                    if (failure != null) {
                        throw failure;
                    }
                    return null;
                });
    }

    private static SecurityIdentity person(String accessToken) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal((java.security.Principal) () -> "alix@demo").addRole("contributor");
        if (accessToken != null) {
            identity.addCredential(new AccessTokenCredential(accessToken));
        }
        return identity.build();
    }

    @Test
    void aLoginTellsTheServiceWithThePersonsToken() {
        new NotificationRegistration(service(null)).onLogin(new SecurityEvent(SecurityEvent.Type.OIDC_LOGIN, person("jeton-alix")));

        assertEquals(List.of("Bearer jeton-alix"), introduced);
    }

    @Test
    void theServiceAwayDoesNotStopTheLogin() {
        NotificationRegistration registration = new NotificationRegistration(service(new ProcessingException("Connection refused")));

        assertFalse(registration.introduce(person("jeton-alix")));
        assertEquals(1, introduced.size(), "tried once, no retry that would hold the login");
    }

    @Test
    void aRefreshedSessionOrALogoutIsNotALogin() {
        NotificationRegistration registration = new NotificationRegistration(service(null));

        registration.onLogin(new SecurityEvent(SecurityEvent.Type.OIDC_SESSION_REFRESHED, person("jeton-alix")));
        registration.onLogin(new SecurityEvent(SecurityEvent.Type.OIDC_LOGOUT_RP_INITIATED, person("jeton-alix")));

        assertTrue(introduced.isEmpty(), introduced.toString());
    }

    @Test
    void aLoginWithoutAccessTokenCallsNothing() {
        assertFalse(new NotificationRegistration(service(null)).introduce(person(null)));
        assertTrue(introduced.isEmpty());
    }
}
