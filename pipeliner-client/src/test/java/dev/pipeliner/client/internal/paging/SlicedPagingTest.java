package dev.pipeliner.client.internal.paging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.error.PipelinerDecodingException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sliced cursor engine against an in-memory server that sorts by {@code created} and the id
 * with keyset cursors, as the v100 service does, over random collections, random slice bounds,
 * random page sizes, and writes between requests.
 */
class SlicedPagingTest {

	private static final Instant EPOCH = Instant.parse("2024-03-01T08:00:00Z");

	/** An entity: its id and the time it was created. */
	record Item(int id, Instant created) {
	}

	private static final Comparator<Item> ORDER = Comparator.comparing(Item::created).thenComparing(Item::id);

	/** The collection, with keyset cursors {@code created|id}; counts what it is asked. */
	static class Server implements SlicedPaging.Source<Item> {

		final TreeSet<Item> items = new TreeSet<>(ORDER);

		int requests;

		int newestRequests;

		long answered;

		/** Runs before each answer: writes to the collection while the read runs. */
		Consumer<Server> between = (server) -> {
		};

		@Override
		public Mono<EntityPage<Item>> fetch(@Nullable Instant from, @Nullable String cursor, int size, long position) {
			return Mono.fromCallable(() -> {
				this.between.accept(this);
				this.requests++;
				List<Item> matching = this.items.stream().filter((item) -> from == null || !item.created().isBefore(from)).toList();
				List<Item> after = matching.stream().filter((item) -> cursor == null || ORDER.compare(item, parse(cursor)) > 0).toList();
				List<Item> page = after.subList(0, Math.min(size, after.size()));
				this.answered += page.size();
				String next = (page.size() < after.size()) ? format(page.get(page.size() - 1)) : null;
				return new EntityPage<>(page, position, position + page.size() - 1, matching.size(), next);
			});
		}

		@Override
		public Mono<EntityPage<Item>> newest() {
			return Mono.fromCallable(() -> {
				this.requests++;
				this.newestRequests++;
				List<Item> newest = this.items.isEmpty() ? List.of() : List.of(this.items.last());
				return new EntityPage<>(newest, 0, newest.size() - 1, this.items.size(), null);
			});
		}

		@Override
		public @Nullable Instant keyOf(Item item) {
			return item.created();
		}

		@Override
		public String keyName() {
			return "created";
		}

		static String format(Item item) {
			return item.created() + "|" + item.id();
		}

		static Item parse(String cursor) {
			String[] parts = cursor.split("\\|");
			return new Item(Integer.parseInt(parts[1]), Instant.parse(parts[0]));
		}

	}

	/** {@code count} entities created at random times, some at the same microsecond. */
	private static Server collection(Random random, int count) {
		Server server = new Server();
		for (int i = 0; i < count; i++) {
			server.items.add(new Item(i, EPOCH.plus(random.nextInt(Math.max(1, count / (1 + random.nextInt(3)))), ChronoUnit.SECONDS)
				.plus(random.nextInt(3), ChronoUnit.MICROS)));
		}
		return server;
	}

	/** Bounds at random, rising, between the key read to and the newest. */
	private static SlicedPaging.Bounds randomBounds(Random random) {
		return (after, newest, slices) -> {
			long span = ChronoUnit.MICROS.between(after, newest);
			TreeSet<Long> offsets = new TreeSet<>();
			int count = random.nextInt(Math.max(1, 2 * slices));
			for (int i = 0; i < count; i++) {
				offsets.add(1 + (long) (random.nextDouble() * span));
			}
			return offsets.stream().map((offset) -> after.plus(offset, ChronoUnit.MICROS)).toList();
		};
	}

	private static List<Item> read(SlicedPaging paging, Server server, long limit) {
		return paging.pages("Items", server, limit).concatMapIterable(EntityPage::items).collectList().block(java.time.Duration.ofSeconds(30));
	}

	@Test
	void randomCollectionsAndRandomBoundsReadEveryEntityOnceInOrder() {
		for (int run = 0; run < 300; run++) {
			Random random = new Random(run);
			Server server = collection(random, random.nextInt(600));
			List<Item> expected = new ArrayList<>(server.items);
			int pageSize = 1 + random.nextInt(30);
			SlicedPaging paging = new SlicedPaging(pageSize, 1 + random.nextInt(8),
					random.nextBoolean() ? SlicedPaging.EVEN : randomBounds(random));
			List<Item> read = read(paging, server, Long.MAX_VALUE);
			assertThat(read).as("run %d, page size %d", run, pageSize).isEqualTo(expected);
		}
	}

	@Test
	void pagesArePositionedInTheWholeReadAndCarryTheFirstTotal() {
		Server server = collection(new Random(7), 500);
		List<EntityPage<Item>> pages = new SlicedPaging(20, 4).pages("Items", server, Long.MAX_VALUE).collectList().block();
		long next = 0;
		for (EntityPage<Item> page : pages) {
			assertThat(page.start()).isEqualTo(next);
			assertThat(page.end()).isEqualTo(next + page.items().size() - 1);
			assertThat(page.total()).isEqualTo(500);
			assertThat(page.continuationToken()).isNull();
			assertThat(page.items()).isNotEmpty();
			next = page.end() + 1;
		}
		assertThat(next).isEqualTo(500);
	}

	@Test
	void entitiesCreatedAndDeletedDuringTheReadComeAtMostOnceAndNoOtherIsLostOrRepeated() {
		for (int run = 0; run < 200; run++) {
			Random random = new Random(1000 + run);
			Server server = collection(random, 50 + random.nextInt(500));
			Set<Item> always = new HashSet<>(server.items);
			Set<Item> ever = new HashSet<>(server.items);
			AtomicInteger ids = new AtomicInteger(100_000);
			server.between = (s) -> {
				if (random.nextInt(3) == 0) {
					// a create: later than every entity so far, as the server's clock is
					Item created = new Item(ids.incrementAndGet(), s.items.last().created().plus(1 + random.nextInt(2), ChronoUnit.SECONDS));
					s.items.add(created);
					ever.add(created);
				}
				if (random.nextInt(3) == 0 && !s.items.isEmpty()) {
					Item deleted = new ArrayList<>(s.items).get(random.nextInt(s.items.size()));
					s.items.remove(deleted);
					always.remove(deleted);
				}
			};
			SlicedPaging paging = new SlicedPaging(1 + random.nextInt(20), 1 + random.nextInt(8),
					random.nextBoolean() ? SlicedPaging.EVEN : randomBounds(random));
			List<Item> read;
			try {
				read = read(paging, server, Long.MAX_VALUE);
			}
			catch (IllegalStateException ex) {
				throw new AssertionError("run " + run + " did not end", ex);
			}
			assertThat(new HashSet<>(read)).as("run %d: no entity twice", run).hasSize(read.size());
			assertThat(read).as("run %d: every entity there from start to end", run).containsAll(always);
			assertThat(ever).as("run %d: nothing that never was", run).containsAll(read);
			assertThat(read).as("run %d: in the order of created", run).isSortedAccordingTo(ORDER);
		}
	}

	@Test
	void aReadThatFitsInOnePageCostsOneRequest() {
		Server server = collection(new Random(3), 100);
		assertThat(read(new SlicedPaging(100, 8), server, Long.MAX_VALUE)).hasSize(100);
		assertThat(server.requests).isEqualTo(1);
		Server empty = new Server();
		assertThat(read(new SlicedPaging(100, 8), empty, Long.MAX_VALUE)).isEmpty();
		assertThat(empty.requests).isEqualTo(1);
	}

	@Test
	void aReadOfLessThanTwoSlicesGoesOnByItsCursorWithoutAskingForTheNewest() {
		Server server = collection(new Random(4), 100 * SlicedPaging.PAGES_PER_SLICE + 50);
		assertThat(read(new SlicedPaging(100, 8), server, Long.MAX_VALUE)).hasSize(450);
		assertThat(server.newestRequests).isZero();
		assertThat(server.requests).isEqualTo(5);
	}

	@Test
	void aLargeReadIsSlicedAndCostsAboutOneRequestMorePerSlice() {
		Server server = collection(new Random(5), 20_000);
		for (int i = 0; i < 20_000; i++) {
			// spread evenly, as a collection created over time is
			server.items.pollFirst();
		}
		for (int i = 0; i < 20_000; i++) {
			server.items.add(new Item(i, EPOCH.plus(i, ChronoUnit.SECONDS)));
		}
		assertThat(read(new SlicedPaging(100, 8), server, Long.MAX_VALUE)).hasSize(20_000);
		assertThat(server.newestRequests).isEqualTo(1);
		int slices = (20_000 - 100) / (100 * SlicedPaging.PAGES_PER_SLICE) + 1;
		assertThat(server.requests).isBetween(200 + 1, 200 + 1 + slices);
	}

	@Test
	void aLimitEndsTheReadWithoutReadingMoreThanAboutAPagePerSlicePastIt() {
		for (int run = 0; run < 100; run++) {
			Random random = new Random(2000 + run);
			Server server = collection(random, random.nextInt(2000));
			List<Item> all = new ArrayList<>(server.items);
			int pageSize = 1 + random.nextInt(50);
			int limit = 1 + random.nextInt(1500);
			int maxSlices = 1 + random.nextInt(8);
			List<Item> read = read(new SlicedPaging(pageSize, maxSlices), server, limit);
			assertThat(read).as("run %d", run).isEqualTo(all.subList(0, Math.min(limit, all.size())));
			long slices = (limit + (long) pageSize * SlicedPaging.PAGES_PER_SLICE - 1) / ((long) pageSize * SlicedPaging.PAGES_PER_SLICE);
			assertThat(server.answered).as("run %d: entities answered", run)
				.isLessThanOrEqualTo(limit + (slices + 1 + SlicedPaging.HELD_PER_SLICE) * pageSize);
		}
	}

	@Test
	void aSlowSubscriberHoldsBackTheSlices() {
		Server server = new Server();
		for (int i = 0; i < 10_000; i++) {
			server.items.add(new Item(i, EPOCH.plus(i, ChronoUnit.SECONDS)));
		}
		List<EntityPage<Item>> taken = new ArrayList<>();
		BaseSubscriber<EntityPage<Item>> subscriber = new BaseSubscriber<>() {
			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				request(1);
			}

			@Override
			protected void hookOnNext(EntityPage<Item> page) {
				taken.add(page);
			}
		};
		int maxSlices = 4;
		new SlicedPaging(10, maxSlices).pages("Items", server, Long.MAX_VALUE).subscribe(subscriber);
		assertThat(taken).hasSize(1);
		int held = server.requests;
		assertThat(held).as("pages read ahead of a subscriber that took one")
			.isLessThanOrEqualTo(2 + 2 * maxSlices * (SlicedPaging.HELD_PER_SLICE + 1));
		subscriber.request(1);
		assertThat(taken).hasSize(2);
		subscriber.dispose();
	}

	/** Answers each request a little later on another thread, counting the requests in flight. */
	static class SlowServer extends Server {

		final AtomicInteger inFlight = new AtomicInteger();

		final List<Integer> inFlightWhenAsked = new java.util.concurrent.CopyOnWriteArrayList<>();

		/** How many requests, from the first, are answered 429 before their retry succeeds. */
		int throttled;

		@Override
		public Mono<EntityPage<Item>> fetch(@Nullable Instant from, @Nullable String cursor, int size, long position) {
			return slow(super.fetch(from, cursor, size, position));
		}

		@Override
		public Mono<EntityPage<Item>> newest() {
			return slow(super.newest());
		}

		private Mono<EntityPage<Item>> slow(Mono<EntityPage<Item>> answer) {
			return Mono.deferContextual((context) -> {
				this.inFlightWhenAsked.add(this.inFlight.incrementAndGet());
				synchronized (this) {
					if (this.throttled > 0) {
						this.throttled--;
						dev.pipeliner.client.internal.http.Throttling.report(context);
					}
				}
				// the answer leaves flight before it is passed on, once
				java.util.concurrent.atomic.AtomicBoolean landed = new java.util.concurrent.atomic.AtomicBoolean();
				Runnable land = () -> {
					if (landed.compareAndSet(false, true)) {
						this.inFlight.decrementAndGet();
					}
				};
				return Mono.delay(java.time.Duration.ofMillis(2)).then(answer).doOnTerminate(land).doOnCancel(land);
			});
		}

	}

	@Test
	void theRequestsInFlightStayWithinTheirWindowWhileMoreSlicesAreUnderWay() {
		SlowServer server = new SlowServer();
		server.items.addAll(collection(new Random(7), 3_000).items);

		List<Item> read = read(new SlicedPaging(50, 12, 3), server, Long.MAX_VALUE);

		assertThat(read).hasSize(3_000).isSortedAccordingTo(ORDER);
		assertThat(server.inFlightWhenAsked).hasSizeGreaterThan(60).allSatisfy((n) -> assertThat(n).isLessThanOrEqualTo(3));
		assertThat(server.inFlightWhenAsked).as("the window is used").contains(3);
	}

	@Test
	void everyThrottledAnswerHalvesTheRequestsInFlightForTheRestOfTheRead() {
		SlowServer server = new SlowServer();
		server.items.addAll(collection(new Random(8), 3_000).items);
		server.throttled = 2;

		List<Item> read = read(new SlicedPaging(50, 16, 8), server, Long.MAX_VALUE);

		assertThat(read).hasSize(3_000).isSortedAccordingTo(ORDER);
		List<Integer> asked = server.inFlightWhenAsked;
		assertThat(asked.subList(0, 2)).containsExactly(1, 1);
		assertThat(asked.subList(2, asked.size())).as("8 halved twice").allSatisfy((n) -> assertThat(n).isLessThanOrEqualTo(2))
			.contains(2);
	}

	@Test
	void aReadCancelledWhileRequestsWaitLeavesNoneInFlight() throws InterruptedException {
		SlowServer server = new SlowServer();
		server.items.addAll(collection(new Random(9), 3_000).items);
		SlicedPaging paging = new SlicedPaging(50, 12, 2);

		for (int taken : new int[] { 1, 3, 17 }) {
			assertThat(paging.pages("Items", server, Long.MAX_VALUE).take(taken).collectList().block(java.time.Duration.ofSeconds(30)))
				.hasSize(taken);
			// cancelling reaches requests that other threads are sending a moment later
			for (int i = 0; i < 500 && server.inFlight.get() != 0; i++) {
				Thread.sleep(10);
			}
			assertThat(server.inFlight).hasValue(0);
		}
		assertThat(read(paging, server, Long.MAX_VALUE)).hasSize(3_000);
	}

	@Test
	void anEntityBelowItsSliceFailsTheRead() {
		Server server = collection(new Random(6), 2_000);
		Server ignoring = new Server() {
			@Override
			public Mono<EntityPage<Item>> fetch(@Nullable Instant from, @Nullable String cursor, int size, long position) {
				return super.fetch(null, cursor, size, position);
			}
		};
		ignoring.items.addAll(server.items);
		assertThatThrownBy(() -> read(new SlicedPaging(50, 4), ignoring, Long.MAX_VALUE))
			.isInstanceOf(PipelinerDecodingException.class)
			.hasMessageContaining("does not keep to the slice's filter");
	}

	@Test
	void keysThatFallFailTheRead() {
		Server unordered = new Server() {
			@Override
			public Mono<EntityPage<Item>> fetch(@Nullable Instant from, @Nullable String cursor, int size, long position) {
				return super.fetch(from, cursor, size, position).map((page) -> {
					List<Item> reversed = new ArrayList<>(page.items());
					java.util.Collections.reverse(reversed);
					return new EntityPage<>(reversed, page.start(), page.end(), page.total(), page.continuationToken());
				});
			}
		};
		for (int i = 0; i < 1000; i++) {
			unordered.items.add(new Item(i, EPOCH.plus(i, ChronoUnit.SECONDS)));
		}
		assertThatThrownBy(() -> read(new SlicedPaging(50, 4), unordered, Long.MAX_VALUE))
			.isInstanceOf(PipelinerDecodingException.class)
			.hasMessageContaining("does not keep to the order of created");
	}

	@Test
	void aCursorAnsweredTwiceInASliceFailsTheRead() {
		Map<String, Integer> seen = new HashMap<>();
		Server repeating = new Server() {
			@Override
			public Mono<EntityPage<Item>> fetch(@Nullable Instant from, @Nullable String cursor, int size, long position) {
				return super.fetch(from, cursor, size, position).map((page) -> {
					int n = seen.merge(String.valueOf(from), 1, Integer::sum);
					return (from != null && n == 2) ? new EntityPage<>(page.items().subList(0, 1), page.start(), page.start(),
							page.total(), cursor) : page;
				});
			}
		};
		for (int i = 0; i < 2000; i++) {
			repeating.items.add(new Item(i, EPOCH.plus(i, ChronoUnit.SECONDS)));
		}
		assertThatThrownBy(() -> read(new SlicedPaging(50, 4), repeating, Long.MAX_VALUE))
			.isInstanceOf(PipelinerDecodingException.class)
			.hasMessageContaining("a second time");
	}

}
