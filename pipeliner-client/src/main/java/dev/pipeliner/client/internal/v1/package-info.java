/**
 * The v1 REST API of the vendor's SDKs on the wire: URLs, query encoding, offset pages,
 * bodies and their value forms, batch answers and error shapes. Not part of the public API.
 */
@NullMarked
package dev.pipeliner.client.internal.v1;

import org.jspecify.annotations.NullMarked;
