package nl.amsterdameconomicboard.roadmaps.support.limits;

import java.io.IOException;

/** Thrown while reading a body sent without (or with a false) Content-Length once it passes the limit. */
public final class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
