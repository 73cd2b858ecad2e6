package fr.passerelle.ingest.token;

import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.security.RevokedTokens;
import io.smallrye.mutiny.Uni;
import fr.passerelle.platform.security.Caller;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.web.Slugs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/** The tokens an organisation's admins issue to its people and machines, list and revoke. */
@Path("/api/v1/organizations/{org}/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TokenResource {

    private static final Logger LOG = Logger.getLogger(TokenResource.class);

    private final TokenService tokens;
    private final TokenSigner signer;
    private final RevokedTokens revoked;
    private final ReactiveAuditTrail audit;
    private final Caller caller;
    private final Clock clock = Clock.systemUTC();

    public TokenResource(TokenService tokens, TokenSigner signer, RevokedTokens revoked, Caller caller,
                         ReactiveAuditTrail audit) {
        this.audit = audit;
        this.tokens = tokens;
        this.signer = signer;
        this.revoked = revoked;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Délivrer un jeton à un agent ou à une machine de l'organisation",
            description = "Le jeton n'est montré qu'une fois, dans cette réponse : Passerelle ne le conserve pas."
                    + " kind : « personne » (par défaut, 1 jour, 30 au plus) ou « machine » (90 jours, 365 au plus) ;"
                    + " rôles : contributor, publisher, admin.")
    public Uni<RestResponse<NewToken>> issue(@PathParam("org") String organization, TokenRequest request) {
        Slugs.require(organization, "l'organisation");
        TokenGrant grant = TokenRules.check(request);
        // Whole seconds: what the token's iat/exp claims can say.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        IssuedToken token = new IssuedToken(UUID.randomUUID(), organization, grant.subject(), grant.roles(),
                grant.kind().label(), caller.subject(), now, now.plus(Duration.ofDays(grant.validityDays())), null, null);
        String signed = signer.sign(token);
        return tokens.issued(audit.caller(), token).map(ignored -> {
            LOG.infof("Token %s issued to %s (%s, %s) of %s by %s until %s", token.id(), token.subject(), token.kind(),
                    token.roles(), organization, token.issuedBy(), token.expiresAt());
            return RestResponse.status(RestResponse.Status.CREATED, new NewToken(token.id(), signed, token.subject(),
                    token.roles(), token.kind(), token.expiresAt()));
        });
    }

    @GET
    @Operation(summary = "Lister les jetons délivrés par l'organisation (jamais les jetons eux-mêmes)")
    public Uni<List<IssuedToken>> list(@PathParam("org") String organization) {
        Slugs.require(organization, "l'organisation");
        return tokens.of(organization);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Révoquer un jeton : il est refusé partout dans les secondes qui suivent",
            description = "Révoquer deux fois le même jeton n'a pas d'autre effet.")
    public Uni<RestResponse<Void>> revoke(@PathParam("org") String organization, @PathParam("id") String id) {
        Slugs.require(organization, "l'organisation");
        UUID tokenId = parse(id);
        String by = caller.subject();
        Actor actor = audit.caller();
        return tokens.find(organization, tokenId).map(found -> found.orElseThrow(TokenResource::unknown))
                .chain(token -> (token.revokedAt() != null ? Uni.createFrom().voidItem()
                        : tokens.revoke(actor, token, by).invoke(() -> LOG.infof("Token %s of %s (%s) revoked by %s",
                                tokenId, organization, token.subject(), by)))
                        .map(ignored -> {
                            revoked.revoke(tokenId.toString(), token.expiresAt());
                            return RestResponse.<Void>noContent();
                        }));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw unknown();
        }
    }

    /** Unknown, malformed or another organisation's: one answer, so that nobody learns which. */
    private static ApiException unknown() {
        return ApiException.notFound("unknown-token", "Aucun jeton de ce numéro n'a été délivré par votre organisation.");
    }
}
