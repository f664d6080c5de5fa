package nl.amsterdameconomicboard.roadmaps.challenge;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Which challenge this service runs.
 *
 * @param code the challenge code in URLs, roles and events, as the challenge registry declares it (e.g. circular)
 * @param seed the roadmap loaded on first start
 */
@Validated
@ConfigurationProperties("roadmap.challenge")
public record ChallengeProperties(@NotBlank String code, Resource seed) {

    /** The realm role that may edit this challenge's roadmap. */
    public String editorRole() {
        return code + "-editor";
    }
}
