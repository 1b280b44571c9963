/**
 * The Cloud API v100 on the wire: URLs, query encoding, cursor pages, bodies and their value
 * forms, batch answers and error shapes. Not part of the public API.
 */
@NullMarked
package dev.pipeliner.client.internal.v100;

import org.jspecify.annotations.NullMarked;
