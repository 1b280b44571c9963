/**
 * What every version of the API implements, {@link dev.pipeliner.client.internal.protocol.Protocol},
 * and what the facade needs around it whatever the version: the entity names, the resolver that
 * finds where a call goes, and the request bodies built from a caller's data. Not part of the
 * public API.
 */
@NullMarked
package dev.pipeliner.client.internal.protocol;

import org.jspecify.annotations.NullMarked;
