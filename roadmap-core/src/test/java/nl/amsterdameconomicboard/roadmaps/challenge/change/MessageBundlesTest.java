package nl.amsterdameconomicboard.roadmaps.challenge.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The service answers in Dutch or English as the client asks: every message must exist in both languages, with the
 * same arguments, or a client of the other language silently reads the English fallback (or a raw key).
 */
class MessageBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"RefusalMessages", "ValidationMessages"})
    void everyKeyIsInBothLanguagesWithTheSameArguments(String bundle) throws Exception {
        Properties english = load(bundle + ".properties");
        Properties dutch = load(bundle + "_nl.properties");

        assertThat(english).as(bundle).isNotEmpty();
        assertThat(dutch.stringPropertyNames()).as("keys of " + bundle + "_nl").isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(arguments(dutch.getProperty(key))).as(bundle + " " + key + ": the arguments in Dutch")
                    .isEqualTo(arguments(english.getProperty(key)));
            assertThat(dutch.getProperty(key)).as(bundle + " " + key + " is translated").isNotBlank();
        }
    }

    @Test
    void aRefusalSpeaksTheClientsLanguageAndEnglishToAnyOtherWhateverTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("nl-NL")); // a server set up in Dutch must not answer an English client in Dutch
            UnknownEntityException refusal = new UnknownEntityException("Milestone", "raw-materials-2017");
            assertThat(refusal.message(Locale.forLanguageTag("nl-BE"))).isEqualTo("Deze uitdaging heeft geen mijlpaal 'raw-materials-2017'.");
            assertThat(refusal.message(Locale.ENGLISH)).isEqualTo("No milestone 'raw-materials-2017' in this challenge.");
            assertThat(refusal.message(Locale.GERMAN)).isEqualTo("No milestone 'raw-materials-2017' in this challenge.");
            assertThat(refusal.getMessage()).isEqualTo("No milestone 'raw-materials-2017' in this challenge.");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void argumentsInBothLanguagesAndBundleTermsAreWordedInTheMessagesLanguage() {
        StaleRevisionException stale = new StaleRevisionException("Initiative", "heat-network", 3, 4);
        assertThat(stale.message(Locale.forLanguageTag("nl"))).startsWith("Initiatief 'heat-network' staat op revisie 4, niet 3");
        assertThat(stale.getMessage()).startsWith("Initiative 'heat-network' is at revision 4, not 3");

        InvalidFieldException count = new InvalidFieldException("value", "quantity.count-negative", new Refusal.Words("jobs", "banen"));
        assertThat(count.message(Locale.forLanguageTag("nl"))).isEqualTo("een aantal kan niet negatief zijn (banen)");
        assertThat(count.message(Locale.ENGLISH)).isEqualTo("a count cannot be negative (jobs)");
    }

    private static Set<String> arguments(String message) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(message);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " on the class path").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
