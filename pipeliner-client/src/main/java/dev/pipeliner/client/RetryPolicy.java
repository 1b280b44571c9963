package dev.pipeliner.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * How the client retries a request that failed for a reason that may pass: a timeout, a dropped
 * or refused connection, or HTTP 408, 429, 502, 503 and 504.
 * <p>
 * Which requests are retried does not depend on the policy: reads, updates ({@code PUT}) and
 * deletes, which can be repeated without harm, are retried on any of those failures. Creates and
 * batch writes ({@code POST}) are retried only when they certainly did not take effect: the
 * connection could not be established, or the server answered 429. A stream retries each page on
 * its own, so it resumes at the page that failed and never emits an entity twice.
 * <p>
 * The wait before retry {@code n} (1, 2, …) is {@code initialBackoff × 2^(n-1)}, at most
 * {@code maxBackoff}, varied at random by up to {@code jitter} of itself so that clients do not
 * retry in step. A {@code Retry-After} header lengthens the wait to what it asks for; if it asks
 * for more than {@code maxRetryAfter}, the call fails at once instead. However large the
 * settings, a wait saturates at about 292 years, the longest timer there is; the call timeout
 * ends the call long before.
 *
 * @param maxAttempts the most attempts per request, the first included; 1 turns retries off
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff the longest wait between attempts, before jitter
 * @param jitter the share of each wait varied at random, from 0 to 1
 * @param maxRetryAfter the longest {@code Retry-After} the client waits for
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter,
		Duration maxRetryAfter) {

	/** Three attempts, 200 ms doubling up to 5 s, half of it jitter, {@code Retry-After} up to 30 s. */
	public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), 0.5,
			Duration.ofSeconds(30));

	/** One attempt: no retries. */
	public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofMillis(200), Duration.ofSeconds(5), 0.5,
			Duration.ofSeconds(30));

	/** The longest wait before a retry, in milliseconds: the longest timer, in nanoseconds, that fits a {@code long}. */
	private static final long MAX_WAIT_MILLIS = Long.MAX_VALUE / 1_000_000;

	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new InvalidSettingException("maxAttempts", "maxAttempts must be at least 1, but was " + maxAttempts);
		}
		requirePositive(initialBackoff, "initialBackoff");
		requirePositive(maxBackoff, "maxBackoff");
		requirePositive(maxRetryAfter, "maxRetryAfter");
		if (!(jitter >= 0 && jitter <= 1)) {
			throw new InvalidSettingException("jitter", "jitter must be between 0 and 1, but was " + jitter);
		}
	}

	/**
	 * @param retry the number of the retry about to be made: 1 for the first
	 * @param retryAfter the wait the server asked for, or {@code null}
	 * @return the wait before it, or {@code null} if there are no attempts left or the server
	 * asked for a longer wait than {@link #maxRetryAfter()}
	 */
	public @Nullable Duration delayBefore(int retry, @Nullable Duration retryAfter) {
		if (retry >= this.maxAttempts || (retryAfter != null && retryAfter.compareTo(this.maxRetryAfter) > 0)) {
			return null;
		}
		// in milliseconds, saturating: no setting, however large, overflows
		long initial = millis(this.initialBackoff);
		int shift = Math.min(retry - 1, 62);
		long base = (initial > (Long.MAX_VALUE >> shift)) ? Long.MAX_VALUE : initial << shift;
		// at most a quarter of the range, so that the jitter below cannot overflow either
		long backoff = Math.min(Math.min(base, millis(this.maxBackoff)), Long.MAX_VALUE / 4);
		long spread = (long) (backoff * this.jitter);
		long wait = backoff - spread + ((spread > 0) ? ThreadLocalRandom.current().nextLong(2 * spread + 1) : 0);
		if (retryAfter != null) {
			wait = Math.max(wait, millis(retryAfter));
		}
		// at most what a timer can be set to in nanoseconds (about 292 years): the call timeout ends the call first
		return Duration.ofMillis(Math.max(1, Math.min(wait, MAX_WAIT_MILLIS)));
	}

	private static long millis(Duration duration) {
		return (duration.getSeconds() >= Long.MAX_VALUE / 1000) ? Long.MAX_VALUE : duration.toMillis();
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidSettingException(name, name + " must be positive, but was " + duration);
		}
	}

}
