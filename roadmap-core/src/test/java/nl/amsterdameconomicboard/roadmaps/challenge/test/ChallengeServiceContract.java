package nl.amsterdameconomicboard.roadmaps.challenge.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import java.net.URL;
import java.security.CodeSource;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeServiceApplication;
import nl.amsterdameconomicboard.roadmaps.permissions.PermissionMatrix;
import nl.amsterdameconomicboard.roadmaps.permissions.SecurityDocument;
import nl.amsterdameconomicboard.roadmaps.permissions.ServletProbe;
import nl.amsterdameconomicboard.roadmaps.permissions.ServletRoutes;

/**
 * What every challenge service promises, run by each service against its own seed: the roadmap document's
 * spearheads and 2017 milestones are served, and the seed never overwrites an edit.
 */
@ChallengeServiceTest
public abstract class ChallengeServiceContract {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    ApplicationContext context;

    /** The challenge code. */
    protected abstract String challenge();

    /** The spearhead codes, in the order of the roadmap document. */
    protected abstract List<String> spearheads();

    /** Each 2017 milestone of the document's closing table: milestone id and a fragment of its Dutch text. */
    protected abstract Map<String, String> milestones2017();

    @Test
    void theChallengeShowsItsAmbitionAndEverySpearheadOfTheDocument() throws Exception {
        String body = mvc.perform(get("/api/" + challenge()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(challenge()))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(body, "$.ambition2025.nl")).contains("2025");
        assertThat((String) JsonPath.read(body, "$.ambition2025.en")).isNotBlank();
        assertThat((List<String>) JsonPath.read(body, "$.spearheads[*].code")).containsExactlyElementsOf(spearheads());
        assertThat((List<String>) JsonPath.read(body, "$.spearheads[*].title.en")).doesNotContainNull();
    }

    @Test
    void everyMilestoneOf2017IsServedWithItsDeadlineAndETag() throws Exception {
        String list = mvc.perform(get("/api/{c}/milestones", challenge())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(list, "$.items[*].id")).containsAll(milestones2017().keySet());
        for (Map.Entry<String, String> milestone : milestones2017().entrySet()) {
            mvc.perform(get("/api/{c}/milestones/{id}", challenge(), milestone.getKey()))
                    .andExpect(status().isOk())
                    .andExpect(header().exists("ETag"))
                    .andExpect(jsonPath("$.deadline").value("2017-12-31"))
                    .andExpect(jsonPath("$.title.nl").value(org.hamcrest.Matchers.containsString(milestone.getValue())));
        }
    }

    /** Quantitative targets the document states for this challenge: indicator id and target value. */
    protected abstract Map<String, Double> indicatorTargets();

    @Test
    void everyTargetOfTheDocumentIsAnIndicator() throws Exception {
        String list = mvc.perform(get("/api/{c}/indicators", challenge()).param("size", "200")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Map<String, Double> served = new java.util.HashMap<>();
        List<Map<String, Object>> items = JsonPath.read(list, "$.items");
        items.forEach(i -> served.put((String) i.get("id"), ((Number) i.get("target")).doubleValue()));
        assertThat(served).containsAllEntriesOf(indicatorTargets());
        assertThat((List<String>) JsonPath.read(list, "$.items[*].name.en")).doesNotContainNull();
    }

    @Test
    void healthIsUpWithTheStoreAndReadableWithoutToken() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void aSecondSeedRunLeavesAnEditAsItIs() throws Exception {
        String milestone = milestones2017().keySet().iterator().next();
        mvc.perform(put("/api/{c}/milestones/{id}/status", challenge(), milestone)
                        .header("Authorization", TestTokens.get().bearer(challenge() + "-lead", challenge() + "-editor"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"AT_RISK\", \"note\": \"Behind schedule\"}"))
                .andExpect(status().isOk());

        for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
            runner.run(new DefaultApplicationArguments());
        }

        mvc.perform(get("/api/{c}/milestones/{id}", challenge(), milestone)).andExpect(jsonPath("$.status").value("AT_RISK"));
        String list = mvc.perform(get("/api/{c}/milestones", challenge())).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(list, "$.items[*].id")).doesNotHaveDuplicates();
    }

    /**
     * The routes this service adds to roadmap-core's (its specifics) are in docs/security.md too, section
     * {@code <code>-service}; roadmap-core's own routes are its PermissionMatrixTest's.
     */
    @Test
    void theServicesOwnRoutesAreDecidedAsThePermissionMatrixSays() throws Exception {
        List<ServletRoutes.ServletRoute> own = ServletRoutes.of(context).stream().filter(route -> ownClass(route.handler())).toList();
        if (own.isEmpty()) {
            SecurityDocument.check(challenge() + "-service", "");
            return;
        }
        PermissionMatrix matrix = new ServletProbe(context, ChallengeCallers.of(challenge())).matrix(own);
        SecurityDocument.check(challenge() + "-service", """
                ### %s-service: its own routes

                Written by %s-service's `%s` (the contract of every challenge service).

                """.formatted(challenge(), challenge(), getClass().getSimpleName()) + matrix.toMarkdown());
    }

    /** This module's classes: not roadmap-core's, not a library's (those come from jars; a module under test from its folder). */
    private static boolean ownClass(Class<?> type) {
        URL location = location(type);
        return location != null && !location.getPath().endsWith(".jar") && !location.equals(location(ChallengeServiceApplication.class));
    }

    private static URL location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }
}
