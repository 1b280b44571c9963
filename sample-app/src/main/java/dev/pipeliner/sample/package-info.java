/**
 * A runnable Spring Boot application that injects the auto-configured {@code PipelinerClient} and
 * calls each of its operations at startup, on the embedded emulator unless {@code pipeliner.url}
 * points it at a real account.
 */
@NullMarked
package dev.pipeliner.sample;

import org.jspecify.annotations.NullMarked;
