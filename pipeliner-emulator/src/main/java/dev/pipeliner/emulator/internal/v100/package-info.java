/**
 * The Pipeliner Cloud API v100 as the emulator serves it: its paths and authentication, lists with
 * cursors, filters and expansion, single and batch writes with their validation levels and
 * rollback methods, the metadata collections, v100's schema and demo data, and its success and
 * error envelopes, all over the shared store. Not part of the public API.
 */
@NullMarked
package dev.pipeliner.emulator.internal.v100;

import org.jspecify.annotations.NullMarked;
