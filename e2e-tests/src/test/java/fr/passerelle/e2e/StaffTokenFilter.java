package fr.passerelle.e2e;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends most test requests as staff of the organisation they concern, so that the pipeline tests read
 * like staff's curl commands. The organisation comes from the path ({@code /organizations/{org}/},
 * {@code /datasets/{org}/}, {@code /targets/{org}/}) or, for {@code /uploads/{id}} and
 * {@code /reports/{id}}, from an earlier answer that named the upload; {@code /ops/} gets an ops token.
 *
 * <p>A request that carries its own Authorization header, or {@link #ANONYMOUS}, is left alone: that is
 * how {@code AuthorizationTest} sends the tokens it expects to be refused.
 */
final class StaffTokenFilter implements Filter {

    static final String ANONYMOUS = "X-E2E-Anonymous";
    private static final Pattern ORG_IN_PATH =
            Pattern.compile("/api/v1/(?:organizations|datasets|targets)/([a-z0-9-]+)/");
    private static final Pattern UPLOAD_IN_PATH =
            Pattern.compile("/api/v1/(?:uploads|reports)/([0-9a-f-]{36})");
    private static final Pattern UPLOAD_IN_BODY =
            Pattern.compile("\"uploadId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern ORGANIZATION_IN_BODY =
            Pattern.compile("\"organization\"\\s*:\\s*\"([a-z0-9-]+)\"");
    private static final Map<String, String> ORGANIZATION_OF_UPLOAD = new ConcurrentHashMap<>();

    static void remember(String uploadId, String organization) {
        ORGANIZATION_OF_UPLOAD.put(uploadId, organization);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        String path = URI.create(request.getURI()).getRawPath();
        String organization = organizationOf(path);
        if (request.getHeaders().hasHeaderWithName(ANONYMOUS)) {
            request.removeHeader(ANONYMOUS);
        } else if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            if (path.startsWith("/api/v1/ops/")) {
                request.header("Authorization", "Bearer " + Auth.ops());
            } else if (organization != null) {
                request.header("Authorization", "Bearer " + Auth.staff(organization));
            }
        }
        Response answer = context.next(request, response);
        learnUploads(organization, answer);
        return answer;
    }

    private static String organizationOf(String path) {
        Matcher org = ORG_IN_PATH.matcher(path);
        if (org.find()) {
            return org.group(1);
        }
        Matcher upload = UPLOAD_IN_PATH.matcher(path);
        return upload.find() ? ORGANIZATION_OF_UPLOAD.get(upload.group(1)) : null;
    }

    /** Upload ids in a JSON answer belong to the organisation the request was about (or the one the answer names). */
    private static void learnUploads(String organization, Response answer) {
        String type = answer.getContentType();
        if (type == null || !type.contains("json")) {
            return;
        }
        String body = answer.asString();
        if (body == null || body.length() > 2_000_000 || !body.contains("uploadId")) {
            return;
        }
        String owner = organization;
        if (owner == null) {
            Matcher named = ORGANIZATION_IN_BODY.matcher(body);
            owner = named.find() ? named.group(1) : null;
        }
        if (owner == null) {
            return;
        }
        Matcher upload = UPLOAD_IN_BODY.matcher(body);
        while (upload.find()) {
            ORGANIZATION_OF_UPLOAD.putIfAbsent(upload.group(1), owner);
        }
    }
}
