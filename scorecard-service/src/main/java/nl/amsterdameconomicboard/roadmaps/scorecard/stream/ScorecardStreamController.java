package nl.amsterdameconomicboard.roadmaps.scorecard.stream;

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

    @GetMapping(path = "/api/scorecards/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.open();
    }
}
