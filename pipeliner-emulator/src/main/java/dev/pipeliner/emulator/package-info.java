/**
 * A stateful, in-memory Pipeliner server that speaks the REST API v1 or the Cloud API v100, for
 * tests, samples and local development: {@link dev.pipeliner.emulator.PipelinerEmulator} to embed
 * it, {@link dev.pipeliner.emulator.PipelinerEmulatorMain} to run it on its own, and the protocol
 * and seed to start it with.
 */
@NullMarked
package dev.pipeliner.emulator;

import org.jspecify.annotations.NullMarked;
