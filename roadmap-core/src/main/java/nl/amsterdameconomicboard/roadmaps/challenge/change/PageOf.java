package nl.amsterdameconomicboard.roadmaps.challenge.change;

import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * One page of a list. Pages count from 0; {@code size} is at most {@value #MAX_SIZE}.
 */
public record PageOf<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static final int MAX_SIZE = 200;

    /** Reads one page of {@code query} from the store, in {@code sort} order, and maps each document to its view. */
    public static <D, T> PageOf<T> read(MongoTemplate mongo, Query query, Sort sort, int page, int size, Class<D> type,
                                        Function<D, T> view) {
        return read(mongo, query, sort, page, size, mongo.getCollectionName(type), type, view);
    }

    /** The same from a collection by name, e.g. one of {@link Entries}. */
    public static <T> PageOf<T> read(MongoTemplate mongo, Query query, Sort sort, int page, int size, String collection,
                                     Function<Document, T> view) {
        return read(mongo, query, sort, page, size, collection, Document.class, view);
    }

    private static <D, T> PageOf<T> read(MongoTemplate mongo, Query query, Sort sort, int page, int size, String collection, Class<D> type,
                                         Function<D, T> view) {
        if (page < 0) {
            throw new InvalidFieldException("page", "page.negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "page.size", Integer.toString(MAX_SIZE));
        }
        long total = mongo.count(Query.of(query).limit(0).skip(0), type, collection);
        List<T> items = mongo.find(Query.of(query).with(sort).skip((long) page * size).limit(size), type, collection).stream()
                .map(view).toList();
        return new PageOf<>(items, page, size, total, (int) ((total + size - 1) / size));
    }
}
