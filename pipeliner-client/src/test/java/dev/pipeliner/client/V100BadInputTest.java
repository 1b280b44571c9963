package dev.pipeliner.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import dev.pipeliner.client.ScriptedV100Server.Reply;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.FilterOperator;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What the v100 API cannot take as it is written is refused before anything is sent, the
 * entity-name lookup included, with an {@link IllegalArgumentException} naming the argument.
 */
class V100BadInputTest {

	private static ScriptedV100Server server;

	private static PipelinerClient client;

	@BeforeAll
	static void start() throws Exception {
		server = new ScriptedV100Server((n, request) -> Reply.ok(
				"{\"success\":true,\"total\":0,\"page_info\":{\"has_next_page\":false},\"data\":[]}"));
		client = server.clientBuilder().build();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void forget() {
		server.paths.clear();
		server.requests.clear();
	}

	static Stream<Arguments> calls() {
		return Stream.of(
				arguments("continuationToken", (Call) (c) -> c.streamEntities("Contacts", Query.all()).byPage("12:")),
				arguments("continuationToken", (Call) (c) -> c.streamEntities("Contacts", Query.all()).byPage("0: ")),
				arguments("continuationToken", (Call) (c) -> c.streamEntities("Contacts", Query.all()).byPage("7:a\nb")),
				arguments("sort field", (Call) (c) -> c.getEntities("Contacts", Query.all().sort(Sort.asc("name,-created")))),
				arguments("sort field", (Call) (c) -> c.streamEntities("Contacts", Query.all().sort(Sort.desc("name created")))),
				arguments("filter field", (Call) (c) -> c.getEntities("Contacts", Query.filter(Filter.eq("name]", "x")))),
				arguments("filter field", (Call) (c) -> c.getEntities("Contacts", Query.filter(Filter.eq("a[b", "x")))),
				arguments("filter field", (Call) (c) -> c.getEntities("Contacts", Query.filter(Filter.eq("a&b=c", "x")))),
				arguments("filter field", (Call) (c) -> c.getEntities("Contacts", Query.filter(Filter.eq("first name", "x")))),
				arguments("filter field", (Call) (c) -> c.getFields("Contacts", Query.filter(Filter.eq("a,b", "x")))),
				arguments("loadOnly field", (Call) (c) -> c.getEntities("Contacts", Query.all().loadOnly("id,name"))),
				arguments("expand relation", (Call) (c) -> c.getEntities("Contacts", Query.all().expand("owner&x=1"))),
				arguments("value", (Call) (c) -> c.getEntities("Contacts",
						Query.filter(Filter.of("revision", FilterOperator.BETWEEN, List.of(1, 2, 3))))),
				arguments("value", (Call) (c) -> c.getEntities("Contacts",
						Query.filter(Filter.of("revision", FilterOperator.BETWEEN, List.of(1))))),
				arguments("value", (Call) (c) -> c.getEntities("Contacts",
						Query.filter(Filter.of("revision", FilterOperator.BETWEEN, "1,2,3")))),
				arguments("value", (Call) (c) -> c.getEntities("Contacts", Query.filter(Filter.between("name", "a,b", "c")))),
				arguments("value", (Call) (c) -> c.streamEntities("Contacts", Query.filter(Filter.eq("revision", List.of(1, 2))))),
				arguments("value", (Call) (c) -> c.getEntities("Contacts", Query.filter(Filter.gt("amount", Double.NaN)))),
				arguments("entity", (Call) (c) -> c.getEntities("C".repeat(100_000), Query.all())));
	}

	@ParameterizedTest(name = "{index}: {0}")
	@MethodSource("calls")
	void failsBeforeSendingAnythingAndNamesTheArgument(String argument, Call call) {
		assertThatThrownBy(() -> call.on(client)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith(argument);
		assertThat(server.paths).as("requests, the entity-name lookup included").isEmpty();
	}

	@Test
	void aDecimalFilterValueIsSentInPlainNotation() {
		Random random = new Random(15);
		for (int i = 0; i < 200; i++) {
			BigDecimal value = new BigDecimal(new BigInteger(1 + random.nextInt(60), random), random.nextInt(41) - 20);
			client.getEntities("Contacts", Query.filter(Filter.ge("amount", value).and(Filter.lt("price", value.doubleValue()))))
				.block();
			ScriptedV100Server.Request sent = server.requests.get(server.requests.size() - 1);
			assertThat(sent.query()).as(value.toString())
				.containsEntry("filter[amount]", value.toPlainString())
				.containsEntry("filter[price]", new BigDecimal(Double.toString(value.doubleValue())).toPlainString());
		}
	}

	@Test
	void fieldPathsAndPlainNamesStillPass() {
		client.getEntities("Contacts", Query.filter(Filter.eq("owner.name", "Ann").and(Filter.between("revision", 3, 9)))
			.sort(Sort.asc("last_name").thenDesc("cf_rank_2"))
			.loadOnly("id", "owner.id")
			.expand("account_relations.account")).block();
		assertThat(server.requests.get(0).query()).containsEntry("filter[owner.name]", "Ann")
			.containsEntry("filter[revision]", "3,9")
			.containsEntry("order-by", "last_name,-cf_rank_2")
			.containsEntry("load-only", "id,owner.id")
			.containsEntry("expand", "account_relations.account");
	}

	@FunctionalInterface
	interface Call {

		Object on(PipelinerClient client);

	}

}
