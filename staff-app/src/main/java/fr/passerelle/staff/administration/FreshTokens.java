package fr.passerelle.staff.administration;

import fr.passerelle.staff.services.Api;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** The tokens just issued, each shown once on the page after the form ({@link ShownOnce}). */
@ApplicationScoped
public class FreshTokens extends ShownOnce<Api.NewToken> {

    public FreshTokens() {
        super();
    }

    FreshTokens(Clock clock) {
        super(clock);
    }
}
