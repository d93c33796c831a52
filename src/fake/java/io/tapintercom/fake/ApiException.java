package io.tapintercom.fake;

/** An Intercom error response: HTTP status plus the first entry of the error.list body. */
final class ApiException extends Exception {
    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static ApiException notFound() {
        return new ApiException(404, "not_found", "Resource Not Found");
    }

    static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }
}
