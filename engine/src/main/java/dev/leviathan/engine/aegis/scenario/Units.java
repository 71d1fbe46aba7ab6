package dev.leviathan.engine.aegis.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quantities a scenario is written in, converted to the model's units: cpu to millicores, memory to
 * MiB, time to ticks. Each method takes the value as written (a YAML number's text or a string) and throws
 * {@link IllegalArgumentException} with a message saying what is wrong; the {@code *_FORM} constants say
 * what is expected, for hints.
 */
public final class Units {

    public static final String CPU_FORM = "cpu is millicores like 500m or cores like 0.5";
    public static final String MEMORY_FORM =
            "memory is MiB like 512, or a quantity like 512Mi, 2Gi, 1Ti, 1024Ki, 500M or 1G";
    public static final String TIME_FORM =
            "time is whole ticks like 30 (one tick is 10 simulated seconds) or a duration like 30s, 5m or 1h";
    public static final String CPU_PER_RPS_FORM =
            "cpu_per_rps is millicores per request per second, like 2m or 2";
    public static final String MEMORY_PER_RPS_FORM =
            "memory_per_rps is MiB per request per second, like 1Mi, 512Ki or 1";

    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)([A-Za-z]*)");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal KIBI = BigDecimal.valueOf(1024);
    private static final BigDecimal MEBIBYTE = BigDecimal.valueOf(1L << 20);

    private Units() {
    }

    /** {@code 500m} → 500, {@code 0.5} and {@code "0.5"} → 500, {@code 2} → 2000; a fraction of a millicore rounds up. */
    public static long cpuMillis(String written) {
        Quantity q = Quantity.parse(written, "cpu");
        BigDecimal millis = switch (q.suffix()) {
            case "" -> q.number().multiply(THOUSAND);
            case "m" -> q.number();
            default -> throw q.badSuffix("m, or none for cores");
        };
        return whole(millis, RoundingMode.CEILING, "cpu", written);
    }

    /**
     * MiB: a plain number is MiB; binary suffixes ({@code Ki Mi Gi Ti}) round up to a whole MiB, so
     * {@code 1025Ki} is 2; decimal ones ({@code k M G T}, powers of ten bytes) round to the nearest MiB,
     * so {@code 500M} is 477 and {@code 1G} is 954.
     */
    public static long memoryMib(String written) {
        Quantity q = Quantity.parse(written, "memory");
        BigDecimal n = q.number();
        return switch (q.suffix()) {
            case "", "Mi" -> whole(n, RoundingMode.CEILING, "memory", written);
            case "Ki" -> whole(n.divide(KIBI), RoundingMode.CEILING, "memory", written);
            case "Gi" -> whole(n.multiply(KIBI), RoundingMode.CEILING, "memory", written);
            case "Ti" -> whole(n.multiply(KIBI).multiply(KIBI), RoundingMode.CEILING, "memory", written);
            case "k" -> decimalBytes(n, 3, written);
            case "M" -> decimalBytes(n, 6, written);
            case "G" -> decimalBytes(n, 9, written);
            case "T" -> decimalBytes(n, 12, written);
            default -> throw q.badSuffix("Ki, Mi, Gi, Ti, k, M, G, T, or none for MiB");
        };
    }

    /**
     * Ticks: a whole number is ticks; {@code 30s}, {@code 5m}, {@code 1h} are simulated time, converted at
     * {@value Scenario#SECONDS_PER_TICK} seconds a tick and rounded up, so {@code 15s} is 2 ticks.
     */
    public static int ticks(String written) {
        Quantity q = Quantity.parse(written, "time");
        BigDecimal seconds = switch (q.suffix()) {
            case "" -> {
                if (q.number().stripTrailingZeros().scale() > 0) {
                    throw new IllegalArgumentException("ticks are whole numbers, found " + written.strip());
                }
                yield q.number().multiply(BigDecimal.valueOf(Scenario.SECONDS_PER_TICK));
            }
            case "s" -> q.number();
            case "m" -> q.number().multiply(BigDecimal.valueOf(60));
            case "h" -> q.number().multiply(BigDecimal.valueOf(3600));
            default -> throw q.badSuffix("s, m, h, or none for ticks");
        };
        BigDecimal ticks = seconds.divide(BigDecimal.valueOf(Scenario.SECONDS_PER_TICK), 0, RoundingMode.CEILING);
        if (ticks.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("time " + written.strip() + " is too long");
        }
        return ticks.intValueExact();
    }

    /** Millicores per request per second: {@code 2m} or a plain number of millicores; fractions are kept. */
    public static double cpuMillisPerRps(String written) {
        Quantity q = Quantity.parse(written, "cpu_per_rps");
        return switch (q.suffix()) {
            case "", "m" -> q.number().doubleValue();
            default -> throw q.badSuffix("m, or none for millicores");
        };
    }

    /** MiB per request per second: {@code 1Mi}, {@code 512Ki}, {@code 1Gi} or a plain number of MiB; fractions are kept. */
    public static double memoryMibPerRps(String written) {
        Quantity q = Quantity.parse(written, "memory_per_rps");
        return switch (q.suffix()) {
            case "", "Mi" -> q.number().doubleValue();
            case "Ki" -> q.number().doubleValue() / 1024;
            case "Gi" -> q.number().doubleValue() * 1024;
            default -> throw q.badSuffix("Ki, Mi, Gi, or none for MiB");
        };
    }

    private static long decimalBytes(BigDecimal n, int powerOfTen, String written) {
        BigDecimal mib = n.scaleByPowerOfTen(powerOfTen).divide(MEBIBYTE, 0, RoundingMode.HALF_UP);
        return whole(mib, RoundingMode.HALF_UP, "memory", written);
    }

    private static long whole(BigDecimal value, RoundingMode rounding, String what, String written) {
        BigDecimal rounded = value.setScale(0, rounding);
        if (rounded.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(what + " " + written.strip() + " is too large");
        }
        return rounded.longValueExact();
    }

    /** A non-negative number and the letters after it, as written. */
    private record Quantity(String written, String what, BigDecimal number, String suffix) {

        static Quantity parse(String written, String what) {
            String text = written == null ? "" : written.strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException(what + " is empty");
            }
            if (text.startsWith("-") && QUANTITY.matcher(text.substring(1)).matches()) {
                throw new IllegalArgumentException(what + " must not be negative, found " + text);
            }
            Matcher m = QUANTITY.matcher(text.startsWith("+") ? text.substring(1) : text);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a " + what + " quantity");
            }
            return new Quantity(text, what, new BigDecimal(m.group(1)), m.group(2));
        }

        IllegalArgumentException badSuffix(String allowed) {
            return new IllegalArgumentException("'" + written + "' is not a " + what + " quantity: unit '" + suffix
                    + "' is not one of " + allowed);
        }
    }
}
