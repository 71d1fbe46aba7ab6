package dev.leviathan.engine.aegis.scenario;

/**
 * What one pod uses: a base plus a share per request per second it serves.
 *
 * @param cpuPerRps millicores per request per second
 * @param memoryPerRps MiB per request per second
 */
public record Usage(long cpuMillis, long memoryMib, double cpuPerRps, double memoryPerRps) {
}
