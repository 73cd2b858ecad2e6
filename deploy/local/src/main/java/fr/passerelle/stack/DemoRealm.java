package fr.passerelle.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The realm {@code ./passerelle up} imports into its Keycloak: the project's realm
 * ({@code deploy/keycloak/passerelle-realm.json}, which holds nobody) plus the staff app's client secret
 * and one demo agent per role, their passwords generated into {@code .passerelle/secrets.env}.
 *
 * <pre>
 * java fr.passerelle.stack.DemoRealm REALM_IN REALM_OUT ORG
 * </pre>
 * reads the secrets from the environment: PASSERELLE_STAFF_APP_SECRET and PASSERELLE_DEMO_PASSWORD_&lt;ROLE&gt;.
 */
public final class DemoRealm {

    /** A demo agent: login, role, first and last name, and whether it belongs to the organisation. */
    public record Agent(String login, String role, String firstName, String lastName, boolean inOrganization) {
    }

    public static final List<Agent> AGENTS = List.of(
            new Agent("contributeur", "contributor", "Camille", "Contributrice", true),
            new Agent("publieur", "publisher", "Dominique", "Publieur", true),
            new Agent("administrateur", "admin", "Alix", "Administratrice", true),
            new Agent("exploitant", "ops", "Sacha", "Exploitant", false));

    private DemoRealm() {
    }

    public static void main(String[] args) throws IOException, JoseException {
        if (args.length != 3) {
            System.err.println("usage: DemoRealm REALM_IN REALM_OUT ORG");
            System.exit(2);
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        for (Agent agent : AGENTS) {
            passwords.put(agent.login(), required("PASSERELLE_DEMO_PASSWORD_" + agent.role().toUpperCase()));
        }
        String realm = withDemo(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8), args[2],
                required("PASSERELLE_STAFF_APP_SECRET"), passwords);
        Files.writeString(Path.of(args[1]), realm, StandardCharsets.UTF_8);
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set");
        }
        return value;
    }

    /** The realm with the staff app's secret and the agents of {@code organization} (password by login). */
    @SuppressWarnings("unchecked")
    public static String withDemo(String realmJson, String organization, String staffAppSecret,
                                  Map<String, String> passwords) throws JoseException {
        Map<String, Object> realm = JsonUtil.parseJson(realmJson);
        List<Object> clients = (List<Object>) realm.get("clients");
        Map<String, Object> staffApp = clients.stream().map(client -> (Map<String, Object>) client)
                .filter(client -> "passerelle-staff-app".equals(client.get("clientId"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("the realm has no client passerelle-staff-app"));
        staffApp.put("secret", staffAppSecret);
        List<Object> users = new ArrayList<>();
        for (Agent agent : AGENTS) {
            Map<String, Object> user = new LinkedHashMap<>();
            String login = agent.inOrganization() ? agent.login() + "@" + organization : agent.login();
            user.put("username", login);
            user.put("email", agent.login() + "." + organization + "@passerelle.invalid");
            user.put("emailVerified", true);
            user.put("firstName", agent.firstName());
            user.put("lastName", agent.lastName());
            user.put("enabled", true);
            if (agent.inOrganization()) {
                user.put("attributes", Map.of("org", List.of(organization)));
            }
            user.put("credentials", List.of(Map.of("type", "password", "value", passwords.get(agent.login()), "temporary", false)));
            user.put("realmRoles", List.of(agent.role()));
            users.add(user);
        }
        realm.put("users", users);
        return JsonUtil.toJson(realm);
    }
}
