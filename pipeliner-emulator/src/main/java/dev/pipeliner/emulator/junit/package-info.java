/**
 * JUnit 5 support: an extension that runs one emulator for a test class and hands it to the tests
 * that ask for it.
 */
@NullMarked
package dev.pipeliner.emulator.junit;

import org.jspecify.annotations.NullMarked;
