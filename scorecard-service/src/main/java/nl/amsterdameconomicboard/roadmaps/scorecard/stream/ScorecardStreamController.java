package nl.amsterdameconomicboard.roadmaps.scorecard.stream;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class ScorecardStreamController {

    private final ScorecardStream stream;

    ScorecardStreamController(ScorecardStream stream) {
        this.stream = stream;
    }

    /** The client's address as the gateway forwarded it (believed from trusted proxies only: server.forward-headers-strategy). */
    @GetMapping(path = "/api/scorecards/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(HttpServletRequest request) {
        return stream.open(request.getRemoteAddr());
    }
}
