/**
 * The observation engine: one observation per client call, with the call's HTTP requests as its
 * children. Not part of the public API.
 */
@NullMarked
package dev.pipeliner.client.internal.observation;

import org.jspecify.annotations.NullMarked;
