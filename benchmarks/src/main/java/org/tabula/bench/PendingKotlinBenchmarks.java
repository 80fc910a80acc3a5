package org.tabula.bench;

/**
 * Placeholder for the Kotlin targets, which wait for the Kotlin DSL (being built on another
 * branch). Nothing here runs; the README table lists both as "pending the Kotlin DSL".
 *
 * <ul>
 *   <li>TODO(kotlin-dsl): {@code KotlinRenderBenchmark} — the select of {@link RenderBenchmark#build}
 *       written with the Kotlin DSL, rendered within 1.10x of {@code RenderBenchmark.buildAndRender}
 *       in the same run. Needs kotlin-maven-plugin in this module (Kotlin sources under
 *       {@code src/main/kotlin}, compiled before the JMH annotation processor sees the classes).</li>
 *   <li>TODO(kotlin-dsl): {@code CoroutinePoolBenchmark} — 1,000 coroutines on a 10-connection pool
 *       each running a point select, throughput at least 0.9x a fixed pool of 10 threads running
 *       the same 1,000 selects (both on SQLite and MariaDB).</li>
 * </ul>
 */
final class PendingKotlinBenchmarks {
    private PendingKotlinBenchmarks() {
    }
}
