package nl.amsterdameconomicboard.roadmaps.bench;

/** A 429: the gateway's rate limits are on, and every figure after it would measure the limit, not the platform. */
public final class RateLimitedException extends RuntimeException {

    public RateLimitedException(String what) {
        super(what + " answered 429 Too Many Requests: the gateway's rate limits are on. A benchmark needs them lifted: "
                + "./platform down, then GATEWAY_RATE_LIMITS=off ./platform up, then ./platform bench again.");
    }

    static RateLimitedException find(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RateLimitedException limited) {
                return limited;
            }
        }
        return null;
    }
}
