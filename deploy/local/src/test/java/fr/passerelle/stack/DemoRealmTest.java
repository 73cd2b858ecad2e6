package fr.passerelle.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;

/** The realm up imports: the project's, plus the demo agents and the staff app's secret. */
class DemoRealmTest {

    private static final Path REALM = Path.of("../keycloak/passerelle-realm.json");

    @Test
    @SuppressWarnings("unchecked")
    void addsOneAgentPerRoleAndTheStaffAppsSecret() throws Exception {
        String committed = Files.readString(REALM);
        assertFalse(committed.contains("\"users\""), "the committed realm holds nobody");
        assertFalse(committed.contains("\"secret\""), "nor any secret");

        String realm = DemoRealm.withDemo(committed, "demo", "s3cr3t", Map.of("contributeur", "p1", "publieur", "p2",
                "administrateur", "p3", "exploitant", "p4"));

        Map<String, Object> json = JsonUtil.parseJson(realm);
        List<Map<String, Object>> users = (List<Map<String, Object>>) (List<?>) json.get("users");
        assertEquals(List.of("contributeur@demo", "publieur@demo", "administrateur@demo", "exploitant"),
                users.stream().map(user -> user.get("username")).toList());
        Map<String, Object> contributor = users.get(0);
        assertEquals(List.of("contributor"), contributor.get("realmRoles"));
        assertEquals(Map.of("org", List.of("demo")), contributor.get("attributes"));
        assertTrue(String.valueOf(contributor.get("credentials")).contains("p1"));
        assertFalse(users.get(3).containsKey("attributes"), "the operator belongs to no organisation");
        assertTrue(realm.contains("\"secret\":\"s3cr3t\""), realm);
        assertEquals("passerelle", json.get("realm"));
    }
}
