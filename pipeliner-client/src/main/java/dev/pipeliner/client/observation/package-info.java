/**
 * Micrometer observations of client calls: the context each call is observed with, and the
 * convention that names it and its tags.
 */
@NullMarked
package dev.pipeliner.client.observation;

import org.jspecify.annotations.NullMarked;
