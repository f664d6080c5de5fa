package nl.amsterdameconomicboard.roadmaps.registry;

/**
 * One of the Board's challenges as the registry declares it.
 *
 * @param code     in URLs, roles ({@code <code>-editor}), events, databases and variables ({@code <CODE>_SERVICE_URL})
 * @param name     as the dashboard and the overview show it
 * @param port     the challenge service's default port
 * @param colour   its colour on the dashboard, {@code #rrggbb}, readable on white
 * @param position its place on the Board's overview, from 1
 */
public record Challenge(String code, Name name, int port, String colour, int position) {

    /** @param nl Dutch, the roadmap's own language; @param en English */
    public record Name(String nl, String en) {
    }

    /** The service module and launcher component: {@code circular-service}. */
    public String service() {
        return code + "-service";
    }

    /** The prefix of the variables about this challenge: {@code CIRCULAR} in CIRCULAR_PORT, CIRCULAR_SERVICE_URL. */
    public String variablePrefix() {
        return code.toUpperCase(java.util.Locale.ROOT);
    }
}
