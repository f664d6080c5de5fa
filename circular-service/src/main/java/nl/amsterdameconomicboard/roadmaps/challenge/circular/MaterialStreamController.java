package nl.amsterdameconomicboard.roadmaps.challenge.circular;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.change.UnknownEntityException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/circular/material-streams")
class MaterialStreamController {

    private final MaterialStreams streams;

    MaterialStreamController(MaterialStreams streams) {
        this.streams = streams;
    }

    @GetMapping
    List<MaterialStreams.MaterialStreamView> all() {
        return streams.all();
    }

    @GetMapping("/{code}")
    MaterialStreams.MaterialStreamView one(@PathVariable String code) {
        MaterialStreams.MaterialStreamView stream = streams.one(code);
        if (stream == null) {
            throw new UnknownEntityException("Material stream", code);
        }
        return stream;
    }
}
