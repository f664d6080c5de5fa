package nl.amsterdameconomicboard.roadmaps.challenge.spearhead;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface SpearheadRepository extends MongoRepository<Spearhead, String> {

    List<Spearhead> findAllByOrderByPositionAsc();
}
