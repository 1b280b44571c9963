package dev.pipeliner.client.internal.v1;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The {@code Content-Range: items {start}-{end}/{total}} header of a collection page. {@code end}
 * is inclusive and is {@code -1} for an empty result ({@code items 0--1/0}). Not part of the public
 * API.
 */
public record ContentRange(long start, long end, long total) {

	private static final Pattern FORMAT = Pattern.compile("\\s*items\\s+(\\d+)-(-?\\d+)/(\\d+)\\s*");

	/**
	 * @return the parsed header, or {@code null} when the header is not in the expected form
	 */
	public static @Nullable ContentRange parse(@Nullable String header) {
		if (header == null) {
			return null;
		}
		Matcher matcher = FORMAT.matcher(header);
		if (!matcher.matches()) {
			return null;
		}
		return new ContentRange(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
				Long.parseLong(matcher.group(3)));
	}

}
