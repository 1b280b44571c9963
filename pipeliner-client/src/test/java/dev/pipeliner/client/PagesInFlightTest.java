package dev.pipeliner.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.pipeliner.client.ScriptedServer.Answer;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The most page requests a stream keeps in flight is a setting of the builder. */
class PagesInFlightTest {

	@Test
	void aStreamReadsEveryEntityOnceWithTheDefaultMaximum() throws Exception {
		try (ScriptedServer server = new ScriptedServer((n, offset, limit) -> Answer.truthful(offset, limit, 2000))) {
			List<String> ids = server.clientBuilder()
				.pageSize(10)
				.build()
				.streamEntities("Contacts", Query.all())
				.map(Entity::id)
				.collectList()
				.block(Duration.ofSeconds(20));
			assertThat(ids).hasSize(2000).doesNotHaveDuplicates().startsWith("PY-0", "PY-1").endsWith("PY-1999");
		}
	}

	@Test
	void aSubscriberThatAsksForNothingMoreHoldsAtMostTheMaximum() throws Exception {
		try (ScriptedServer server = new ScriptedServer((n, offset, limit) -> Answer.truthful(offset, limit, 1000))) {
			List<Entity> received = new ArrayList<>();
			BaseSubscriber<Entity> subscriber = new BaseSubscriber<>() {
				@Override
				protected void hookOnSubscribe(Subscription subscription) {
					request(1);
				}

				@Override
				protected void hookOnNext(Entity entity) {
					received.add(entity);
				}
			};
			server.clientBuilder().pageSize(10).prefetchPages(3).maxPagesInFlight(3).build()
				.streamEntities("Contacts", Query.all())
				.subscribe(subscriber);
			// whatever arrives meanwhile cannot add a request: the subscriber asks for nothing more
			Thread.sleep(500);
			subscriber.dispose();
			assertThat(received).hasSize(1);
			assertThat(server.pageRequests).as("the page being read and three ahead").hasSize(4);
		}
	}

	@Test
	void theMaximumIsAtLeastOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> PipelinerClient.builder().maxPagesInFlight(0))
			.withMessageContaining("maxPagesInFlight");
	}

}
