package fr.passerelle.ingest.ops;

import java.util.List;

/**
 * One service's readiness as its {@code /q/health/ready} tells it.
 *
 * @param status {@code UP}, {@code DOWN} (it answered, not ready) or {@code UNREACHABLE}
 * @param detail French, for operators: what is down, or why it could not be asked
 * @param checks each readiness check by name, with its status
 */
public record ServiceHealth(String service, String url, String status, String detail, List<Check> checks) {

    public record Check(String name, String status) {
    }
}
