package fr.passerelle.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

class OrganizationScopeTest {

    @Path("/api/v1/organizations/{org}/things")
    static class ScopedByItsPath {
        @GET
        @RolesAllowed(Roles.CONTRIBUTOR)
        public void list() {
        }

        @GET
        @Path("public")
        @PermitAll
        public void open() {
        }
    }

    @Path("/api/v1/things")
    @RolesAllowed(Roles.PUBLISHER)
    static class ScopedByItsMethodPath {
        @GET
        @Path("/{org}/{dataset}")
        public void get() {
        }

        @GET
        public void mine() {
        }
    }

    @Path("/portal/{org}")
    static class Public {
        @GET
        @PermitAll
        public void page() {
        }
    }

    @Test
    void aRoleOnAPathWithTheOrganisationIsScopedToTheTokensOrganisation() throws Exception {
        assertTrue(OrganizationScope.isOrganizationScoped(ScopedByItsPath.class.getMethod("list"), ScopedByItsPath.class));
        assertTrue(OrganizationScope.isOrganizationScoped(ScopedByItsMethodPath.class.getMethod("get"),
                ScopedByItsMethodPath.class), "a role on the class counts");
    }

    @Test
    void publicEndpointsAndPathsWithoutOrganisationAreNot() throws Exception {
        assertFalse(OrganizationScope.isOrganizationScoped(ScopedByItsPath.class.getMethod("open"), ScopedByItsPath.class));
        assertFalse(OrganizationScope.isOrganizationScoped(Public.class.getMethod("page"), Public.class));
        assertFalse(OrganizationScope.isOrganizationScoped(ScopedByItsMethodPath.class.getMethod("mine"),
                ScopedByItsMethodPath.class), "no {org}: the resource uses the token's own organisation");
        assertFalse(OrganizationScope.isOrganizationScoped(null, ScopedByItsPath.class));
    }
}
