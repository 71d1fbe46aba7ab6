package dev.leviathan.engine.aegis.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

    @ParameterizedTest(name = "cpu {0} is {1}m")
    @CsvSource({"500m, 500", "0.5, 500", "2, 2000", "1.5, 1500", "0, 0", "0m, 0", "250m, 250", ".25, 250",
            "0.0001, 1", "4000m, 4000"})
    void convertsCpuToMillicores(String written, long millis) {
        assertThat(Units.cpuMillis(written)).isEqualTo(millis);
    }

    @ParameterizedTest(name = "cpu {0} is refused")
    @ValueSource(strings = {"-1", "-500m", "500x", "", " ", "m", "1e3", "0x10", "1.5 cores", "500M"})
    void refusesCpuThatIsNotAQuantity(String written) {
        assertThatThrownBy(() -> Units.cpuMillis(written)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "memory {0} is {1} MiB")
    @CsvSource({"512Mi, 512", "2Gi, 2048", "1Ti, 1048576", "1024Ki, 1", "1025Ki, 2", "1Ki, 1", "0Ki, 0",
            "500M, 477", "1G, 954", "1000k, 1", "512, 512", "0, 0", "0.5Gi, 512", "1.5, 2"})
    void convertsMemoryToMib(String written, long mib) {
        assertThat(Units.memoryMib(written)).isEqualTo(mib);
    }

    @ParameterizedTest(name = "memory {0} is refused")
    @ValueSource(strings = {"-1Gi", "512MB", "2gi", "", "Gi", "1.2.3Mi"})
    void refusesMemoryThatIsNotAQuantity(String written) {
        assertThatThrownBy(() -> Units.memoryMib(written)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "time {0} is {1} ticks")
    @CsvSource({"30, 30", "0, 0", "30s, 3", "15s, 2", "1s, 1", "0s, 0", "5m, 30", "1h, 360", "1.5m, 9", "90s, 9"})
    void convertsTimeToTicksRoundingUp(String written, int ticks) {
        assertThat(Units.ticks(written)).isEqualTo(ticks);
    }

    @ParameterizedTest(name = "time {0} is refused")
    @ValueSource(strings = {"1.5", "-3", "10d", "", "3 ticks", "99999999999h"})
    void refusesTimeThatIsNotTicksOrADuration(String written) {
        assertThatThrownBy(() -> Units.ticks(written)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "cpu_per_rps {0} is {1}m")
    @CsvSource({"2m, 2.0", "2, 2.0", "0.5m, 0.5", "0, 0.0"})
    void convertsCpuPerRpsToMillicores(String written, double millis) {
        assertThat(Units.cpuMillisPerRps(written)).isEqualTo(millis);
    }

    @ParameterizedTest(name = "memory_per_rps {0} is {1} MiB")
    @CsvSource({"1Mi, 1.0", "1, 1.0", "512Ki, 0.5", "1Gi, 1024.0", "0.25, 0.25"})
    void convertsMemoryPerRpsToMib(String written, double mib) {
        assertThat(Units.memoryMibPerRps(written)).isEqualTo(mib);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "500x"})
    void saysWhatIsWrongWithACpuValue(String written) {
        assertThatThrownBy(() -> Units.cpuMillis(written)).hasMessageContaining(written.strip());
    }

    @org.junit.jupiter.api.Test
    void namesNegativeCpuAsNegative() {
        assertThatThrownBy(() -> Units.cpuMillis("-1")).hasMessage("cpu must not be negative, found -1");
    }

    @org.junit.jupiter.api.Test
    void namesTheWrongUnitOfAMemoryValue() {
        assertThatThrownBy(() -> Units.memoryMib("512MB"))
                .hasMessage("'512MB' is not a memory quantity: unit 'MB' is not one of Ki, Mi, Gi, Ti, k, M, G, T, or none for MiB");
    }
}
