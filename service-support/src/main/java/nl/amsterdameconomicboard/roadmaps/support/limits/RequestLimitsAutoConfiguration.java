package nl.amsterdameconomicboard.roadmaps.support.limits;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service reads at most, and how strictly: the body size limit in front of everything (Spring Security
 * included), the JSON reader's limits, unknown fields refused. See {@link RequestLimits}.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RequestLimits.class)
public class RequestLimitsAutoConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(RequestLimits limits) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(new BodySizeLimit(limits.maxBody().toBytes(),
                limits.maxImportBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // right after the character encoding, before security
        return registration;
    }

    @Bean
    RequestBodyProblems requestBodyProblems() {
        return new RequestBodyProblems();
    }

    /**
     * Boot's JSON mapper builder (its customizers, hence the spring.jackson.* properties, still apply) on a reader with
     * the limits: the reader's limits can only be given when the builder is created. Unknown fields fail: a typo in a
     * field name must not pass as "not given".
     */
    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(RequestLimits limits, ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        RequestLimits.Json json = limits.json();
        JsonFactory reader = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(json.maxStringLength())
                .maxNameLength(json.maxNameLength())
                .maxNestingDepth(json.maxNestingDepth())
                .maxDocumentLength(json.maxDocumentLength().toBytes())
                .build()).build();
        JsonMapper.Builder builder = JsonMapper.builder(reader);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
