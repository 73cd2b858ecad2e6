package fr.passerelle.publish.database;

import fr.passerelle.platform.reactive.FromWorker;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * What the database tests read and write beside the repositories: rows as the tables hold them, so an assertion
 * never goes through the code it checks. Run from the test's thread, on a Vert.x context ({@link FromWorker}).
 */
@ApplicationScoped
public class Rows {

    private final Mutiny.SessionFactory sessions;
    private final FromWorker worker;

    public Rows(Mutiny.SessionFactory sessions, FromWorker worker) {
        this.sessions = sessions;
        this.worker = worker;
    }

    public List<Object[]> select(String sql, Object... parameters) {
        return worker.await(() -> sessions.withSession(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getResultList();
        }));
    }

    public long count(String sql, Object... parameters) {
        return worker.await(() -> sessions.withSession(session -> {
            var query = session.createNativeQuery(sql, Long.class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getSingleResult();
        }));
    }

    public int update(String sql, Object... parameters) {
        return worker.await(() -> sessions.withTransaction(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        }));
    }
}
