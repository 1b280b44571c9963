/**
 * Measurements of the client against a bare {@code WebClient}, a naive paging loop and single
 * writes, on a stub server, the emulator and a proxy that adds latency; they produce the tables of
 * {@code docs/benchmarks.md}.
 */
@NullMarked
package dev.pipeliner.benchmarks;

import org.jspecify.annotations.NullMarked;
