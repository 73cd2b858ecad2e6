package fr.passerelle.staff.communes;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The commune search the metadata form's script calls as a person types (without script, the form searches itself). */
@Path("/communes")
public class CommuneResource {

    static final int MAX_RESULTS = 10;

    @Inject
    Communes communes;

    public record Found(String code, String name, String departement, String label) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Found> search(@QueryParam("q") String query) {
        return communes.search(query, MAX_RESULTS).stream()
                .map(c -> new Found(c.code(), c.name(), c.departement(), c.label())).toList();
    }
}
