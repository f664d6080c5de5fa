package nl.amsterdameconomicboard.roadmaps.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway lets through, set from the environment (application.yaml names the variables): request bodies up
 * to {@code GATEWAY_MAX_BODY}; requests to /api/** per caller as token buckets, each refilled at its rate per
 * second up to its burst. In memory, per gateway instance.
 *
 * @param maxBody       the largest request body; a larger one is refused with 413 before it is passed on
 * @param maxImportBody the largest body of an import (a POST to a path ending in /import: a file of measurements),
 *                      {@code GATEWAY_MAX_IMPORT_BODY}; as a write it counts once against the rate of writes
 * @param rate          the request rates
 */
@ConfigurationProperties("gateway.limits")
public record GatewayLimits(@DefaultValue("64KB") DataSize maxBody, @DefaultValue("4MB") DataSize maxImportBody, @DefaultValue Rate rate) {

    /**
     * @param enabled         off for benchmarks ({@code GATEWAY_RATE_LIMITS=off})
     * @param readsPerSecond  reads (GET, HEAD) per second of one caller: a signed-in user, or a client address
     * @param readBurst       reads at once: a dashboard page asks for a dozen or two
     * @param writesPerSecond writes per second of one signed-in user (or client address, without a valid token)
     * @param writeBurst      writes at once
     */
    public record Rate(@DefaultValue("true") boolean enabled,
                       @DefaultValue("20") double readsPerSecond, @DefaultValue("200") int readBurst,
                       @DefaultValue("1") double writesPerSecond, @DefaultValue("30") int writeBurst) {
    }
}
