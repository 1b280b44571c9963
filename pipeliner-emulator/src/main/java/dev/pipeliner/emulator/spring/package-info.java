/**
 * Spring support: an annotation that gives a Spring test emulators and connects every
 * auto-configured client to them, the default one and each named one, and a configuration and an
 * initializer that do the same for an application run locally without a Pipeliner account.
 */
@NullMarked
package dev.pipeliner.emulator.spring;

import org.jspecify.annotations.NullMarked;
