/**
 * The Pipeliner REST API v1 as the emulator serves it: routing and Basic authentication, the
 * metadata endpoints, lists with their query parameters, single writes, the batch endpoints with
 * every flag, and v1's error bodies, all over the shared store. Not part of the public API.
 */
@NullMarked
package dev.pipeliner.emulator.internal.v1;

import org.jspecify.annotations.NullMarked;
