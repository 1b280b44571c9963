/**
 * Spring support: an annotation that gives a Spring test an emulator and connects the
 * auto-configured client to it, and a configuration and an initializer that do the same for an
 * application run locally without a Pipeliner account.
 */
@NullMarked
package dev.pipeliner.emulator.spring;

import org.jspecify.annotations.NullMarked;
