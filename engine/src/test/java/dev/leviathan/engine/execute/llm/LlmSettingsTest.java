package dev.leviathan.engine.execute.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmSettingsTest {

    private static final String KEY = "sk-proj-4c1d8e2f9a7b3c5d";

    @TempDir
    Path dir;

    @Test
    void isEmptyWhenNothingIsSet() {
        assertThat(LlmSettings.fromEnvironment(Map.of("PATH", "/usr/bin", LlmSettings.TIMEOUT_ENV, "30"))).isEmpty();
    }

    @Test
    void treatsBlankVariablesAsUnset() {
        assertThat(LlmSettings.fromEnvironment(Map.of(LlmSettings.BASE_URL_ENV, " ", LlmSettings.API_KEY_ENV, ""))).isEmpty();
    }

    @Test
    void readsTheEndpointModelAndKeyWithDefaults() {
        LlmSettings settings = LlmSettings.fromEnvironment(Map.of(
                LlmSettings.BASE_URL_ENV, "https://api.openai.com/v1",
                LlmSettings.MODEL_ENV, "gpt-4o-mini",
                LlmSettings.API_KEY_ENV, KEY)).orElseThrow();

        assertThat(settings.endpoint()).isEqualTo("https://api.openai.com/v1");
        assertThat(settings.model()).isEqualTo("gpt-4o-mini");
        assertThat(settings.apiKey().reveal()).isEqualTo(KEY);
        assertThat(settings.keySource()).isEqualTo("LEVIATHAN_LLM_API_KEY");
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.defaultMaxTokens()).isEqualTo(4096);
        assertThat(settings.maxRepairRounds()).isEqualTo(2);
        assertThat(settings.temperature()).isEqualTo(0.0);
        assertThat(settings.replyFormat()).isEqualTo(LlmSettings.ReplyFormat.JSON_OBJECT);
    }

    @Test
    void readsTheKeyFromAFileWithoutItsLineBreak() throws Exception {
        Path file = dir.resolve("openai.key");
        Files.writeString(file, KEY + "\n");

        LlmSettings settings = LlmSettings.fromEnvironment(Map.of(
                LlmSettings.BASE_URL_ENV, "http://127.0.0.1:11434/v1",
                LlmSettings.MODEL_ENV, "llama3.1:8b",
                LlmSettings.API_KEY_FILE_ENV, file.toString())).orElseThrow();

        assertThat(settings.apiKey().reveal()).isEqualTo(KEY);
        assertThat(settings.keySource()).isEqualTo("LEVIATHAN_LLM_API_KEY_FILE (" + file + ")");
    }

    @Test
    void readsTheOptionalLimits() {
        LlmSettings settings = LlmSettings.fromEnvironment(Map.of(
                LlmSettings.BASE_URL_ENV, "https://llm.internal.example/v1",
                LlmSettings.MODEL_ENV, "qwen2.5-coder",
                LlmSettings.API_KEY_ENV, KEY,
                LlmSettings.TIMEOUT_ENV, "45",
                LlmSettings.MAX_TOKENS_ENV, "8000",
                LlmSettings.MAX_REPAIR_ROUNDS_ENV, "0",
                LlmSettings.RESPONSE_FORMAT_ENV, "TEXT")).orElseThrow();

        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.defaultMaxTokens()).isEqualTo(8000);
        assertThat(settings.maxRepairRounds()).isZero();
        assertThat(settings.replyFormat()).isEqualTo(LlmSettings.ReplyFormat.TEXT);
    }

    @Test
    void namesEveryMissingVariable() {
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of(LlmSettings.MODEL_ENV, "gpt-4o-mini")))
                .isInstanceOf(LlmSettingsException.class)
                .hasMessage("the llm executor's settings are incomplete: LEVIATHAN_LLM_BASE_URL is not set (the API"
                        + " root, such as https://api.openai.com/v1); no API key: set LEVIATHAN_LLM_API_KEY or"
                        + " LEVIATHAN_LLM_API_KEY_FILE (a local server that needs no key accepts any value)");
    }

    @Test
    void refusesBothAKeyAndAKeyFile() {
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of(
                LlmSettings.BASE_URL_ENV, "https://api.openai.com/v1", LlmSettings.MODEL_ENV, "gpt-4o-mini",
                LlmSettings.API_KEY_ENV, KEY, LlmSettings.API_KEY_FILE_ENV, "/run/secrets/llm")))
                .hasMessageContaining("both LEVIATHAN_LLM_API_KEY and LEVIATHAN_LLM_API_KEY_FILE are set; set only one")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void refusesAKeyFileThatDoesNotExist() {
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of(
                LlmSettings.BASE_URL_ENV, "https://api.openai.com/v1", LlmSettings.MODEL_ENV, "gpt-4o-mini",
                LlmSettings.API_KEY_FILE_ENV, dir.resolve("missing.key").toString())))
                .hasMessageContaining("LEVIATHAN_LLM_API_KEY_FILE names " + dir.resolve("missing.key")
                        + ", which does not exist or is not a file");
    }

    @Test
    void refusesCredentialsInTheBaseUrlWithoutRepeatingThem() {
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of(
                LlmSettings.BASE_URL_ENV, "https://admin:hunter22@llm.example/v1", LlmSettings.MODEL_ENV, "m",
                LlmSettings.API_KEY_ENV, KEY)))
                .hasMessageContaining("LEVIATHAN_LLM_BASE_URL carries user info")
                .hasMessageNotContaining("hunter22");
    }

    @Test
    void refusesABaseUrlThatIsNotHttp() {
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of(
                LlmSettings.BASE_URL_ENV, "api.openai.com/v1", LlmSettings.MODEL_ENV, "m", LlmSettings.API_KEY_ENV, KEY)))
                .hasMessageContaining("LEVIATHAN_LLM_BASE_URL must be an http:// or https:// URL");
    }

    @Test
    void refusesATimeoutThatIsNotANumber() {
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of(
                LlmSettings.BASE_URL_ENV, "https://api.openai.com/v1", LlmSettings.MODEL_ENV, "m",
                LlmSettings.API_KEY_ENV, KEY, LlmSettings.TIMEOUT_ENV, "2m")))
                .hasMessageContaining("LEVIATHAN_LLM_TIMEOUT_S must be a positive whole number, not 2m");
    }

    @Test
    void showsNoKeyWhenPrinted() {
        LlmSettings settings = LlmSettings.fromEnvironment(Map.of(
                LlmSettings.BASE_URL_ENV, "https://api.openai.com/v1", LlmSettings.MODEL_ENV, "gpt-4o-mini",
                LlmSettings.API_KEY_ENV, KEY)).orElseThrow();

        assertThat(settings.toString()).doesNotContain(KEY).contains("Secret[redacted]");
    }
}
