package nl.amsterdameconomicboard.roadmaps.scorecard.opendata;

import java.nio.charset.StandardCharsets;
import nl.amsterdameconomicboard.roadmaps.support.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open data: every indicator of every challenge with its definition, target and measurements, under CC BY 4.0; today's
 * or an edition's. Public, like the scorecards.
 */
@RestController
@RequestMapping("/api/opendata")
class OpenDataController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final OpenData openData;

    OpenDataController(OpenData openData) {
        this.openData = openData;
    }

    @GetMapping(path = "/indicators.json", produces = MediaType.APPLICATION_JSON_VALUE)
    OpenDataset json() {
        return openData.today();
    }

    @GetMapping(path = "/indicators.csv", produces = "text/csv")
    ResponseEntity<String> csv() {
        return csv(openData.today(), "board-roadmaps-indicators.csv");
    }

    @GetMapping(path = "/editions/{edition}/indicators.json", produces = MediaType.APPLICATION_JSON_VALUE)
    OpenDataset editionJson(@PathVariable String edition) {
        return edition(edition);
    }

    @GetMapping(path = "/editions/{edition}/indicators.csv", produces = "text/csv")
    ResponseEntity<String> editionCsv(@PathVariable String edition) {
        return csv(edition(edition), "board-roadmaps-indicators-" + edition + ".csv");
    }

    private OpenDataset edition(String id) {
        return openData.edition(id).orElseThrow(() -> Problems.refusal(HttpStatus.NOT_FOUND, "not-found",
                Problems.inClientLanguage("No scorecard edition '" + id + "'.", "Er is geen scorecard-editie '" + id + "'.")));
    }

    private static ResponseEntity<String> csv(OpenDataset dataset, String filename) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "") + "\"")
                .header("Link", "<" + OpenDataset.LICENCE.url() + ">; rel=\"license\"")
                .body(OpenDataCsv.of(dataset));
    }
}
