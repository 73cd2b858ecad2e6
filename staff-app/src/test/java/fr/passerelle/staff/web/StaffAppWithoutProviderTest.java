package fr.passerelle.staff.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app started with its identity provider unreachable (a closed port, as when Keycloak is down): a person
 * who opens it reads a French page, not a server's English text or a blank page; the public pages still open.
 */
@QuarkusTest
class StaffAppWithoutProviderTest {

    @Test
    void aPersonWhoCannotLogInReadsWhyInFrench() {
        Response page = RestAssured.given().redirects().follow(false).accept("text/html").get("/tableau-de-bord");

        String body = page.body().asString();
        assertTrue(page.statusCode() >= 500, "status " + page.statusCode() + ": " + body);
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(body.contains("Connexion momentanément impossible"), body);
        assertTrue(body.contains("lang=\"fr\""), body);
        assertFalse(body.contains("Exception") || body.contains("Internal Server Error"), body);
    }

    @Test
    void thePublicPagesDoNotNeedTheProvider() {
        Response page = RestAssured.given().accept("text/html").get("/mentions-legales");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().asString().contains("Mentions légales"));
    }

    @Test
    void anAnswerWithoutABodyGetsAFrenchPage() {
        // A public page asked with a method it does not take: JAX-RS answers 405 without a body.
        Response page = RestAssured.given().accept("text/html").delete("/mentions-legales");

        assertEquals(405, page.statusCode());
        assertTrue(page.body().asString().contains("Cette adresse ne s") && page.body().asString().contains("Page introuvable"), page.body().asString());
    }
}
