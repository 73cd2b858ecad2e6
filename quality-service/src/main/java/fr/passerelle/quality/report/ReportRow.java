package fr.passerelle.quality.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row of the {@code report} table, as {@link Reports} reads it (it writes with a native insert). */
@Entity
@Table(name = "report")
class ReportRow {

    @Id
    @Column(name = "upload_id")
    UUID uploadId;
    String organization;
    String dataset;
    @Column(name = "schema_name")
    String schemaName;
    @Column(name = "report_bucket")
    String reportBucket;
    @Column(name = "report_key")
    String reportKey;
    @Column(name = "raw_bucket")
    String rawBucket;
    @Column(name = "raw_key")
    String rawKey;
}
