package fr.passerelle.platform.web;

/** A refusal the caller can act on; its message and hint are in French. */
public class ApiException extends RuntimeException {

    private final int status;
    private final ApiError error;

    public ApiException(int status, String code, String message, String hint) {
        super(message);
        this.status = status;
        this.error = new ApiError(code, message, hint);
    }

    public static ApiException badRequest(String code, String message, String hint) {
        return new ApiException(400, code, message, hint);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message, null);
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }
}
