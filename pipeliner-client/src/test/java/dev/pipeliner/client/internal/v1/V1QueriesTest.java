package dev.pipeliner.client.internal.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.FilterOperator;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class V1QueriesTest {

	@Test
	void everyFilterOperatorHasItsWireCode() {
		Filter filter = Filter.eq("A", "1")
			.and(Filter.ne("B", 2))
			.and(Filter.gt("C", 3))
			.and(Filter.lt("D", 4))
			.and(Filter.ge("E", 5))
			.and(Filter.le("F", 6))
			.and(Filter.startsWith("G", "x"))
			.and(Filter.endsWith("H", "y"))
			.and(Filter.contains("I", "z"))
			.and(Filter.isNotEmpty("ADDRESSBOOK_ID"));

		assertThat(V1Queries.filter(filter))
			.isEqualTo("A::1|B::2::ne|C::3::gt|D::4::lt|E::5::ge|F::6::le|G::x::ll|H::y::rl|I::z::fl|ADDRESSBOOK_ID::::ne");
	}

	@Test
	void valuesOfOtherTypesTakeTheWireForm() {
		assertThat(V1Queries.filter(Filter.gt("MODIFIED", Instant.parse("2024-05-06T14:00:02.789Z"))))
			.isEqualTo("MODIFIED::2024-05-06 14:00:02::gt");
		assertThat(V1Queries.filter(Filter.eq("IS_ARCHIVE", false))).isEqualTo("IS_ARCHIVE::0");
		assertThat(V1Queries.filter(Filter.ge("CLOSED", LocalDate.of(2009, 12, 12)))).isEqualTo("CLOSED::2009-12-12::ge");
		assertThat(V1Queries.filter(Filter.le("VALUE", new java.math.BigDecimal("1E+3")))).isEqualTo("VALUE::1000::le");
	}

	@Test
	void aFullQueryBecomesItsParameters() {
		Query query = Query.filter(Filter.eq("FIRST_NAME", "Todd"))
			.sort(Sort.asc("NAME").thenDesc("MODIFIED"))
			.limit(5)
			.offset(10)
			.modifiedAfter(Instant.parse("2024-01-01T00:00:00Z"))
			.loadOnly("ID", "EMAIL1");

		assertThat(V1Queries.parameters(query)).containsExactly(Map.entry("limit", "5"), Map.entry("offset", "10"),
				Map.entry("sort", "NAME|-MODIFIED"), Map.entry("filter", "FIRST_NAME::Todd"),
				Map.entry("after", "2024-01-01 00:00:00"), Map.entry("loadonly", "ID|EMAIL1"));
	}

	@Test
	void aMapInThePythonSdkFormBecomesTheSameParameters() {
		Map<String, Object> filter = new LinkedHashMap<>();
		filter.put("FIRST_NAME", "Todd");
		filter.put("AGE", List.of(30, "gt"));
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("limit", 5);
		parameters.put("filter", filter);
		parameters.put("sort", List.of("NAME", "-MODIFIED"));
		parameters.put("loadonly", "ID|EMAIL1");

		assertThat(V1Queries.parameters(Query.of(parameters))).containsExactly(Map.entry("limit", "5"),
				Map.entry("sort", "NAME|-MODIFIED"), Map.entry("filter", "FIRST_NAME::Todd|AGE::30::gt"),
				Map.entry("loadonly", "ID|EMAIL1"));
	}

	@Test
	void whatOnlyV100HasIsRefused() {
		assertThatThrownBy(() -> V1Queries.filter(Filter.of("NAME", FilterOperator.IEQ, "x")))
			.hasMessageContaining("exists only in the v100 API");
		assertThatThrownBy(() -> V1Queries.parameters(Query.all().expand("owner")))
			.hasMessageContaining("expand exists only in the v100 API");
		assertThatThrownBy(() -> V1Queries.parameters(Query.all().includeDeleted(true)))
			.hasMessageContaining("includeDeleted exists only in the v100 API");
	}

	@Test
	void separatorsThatTheV1WireCannotEscapeAreRejectedThere() {
		assertThatThrownBy(() -> V1Queries.filter(Filter.eq("NAME", "a|b"))).hasMessageStartingWith("value 'a|b' cannot be expressed");
		assertThatThrownBy(() -> V1Queries.filter(Filter.eq("NAME", "a::b"))).hasMessageStartingWith("value");
		assertThatThrownBy(() -> V1Queries.filter(Filter.eq("NAME", "ends:"))).hasMessageStartingWith("value");
		assertThatThrownBy(() -> V1Queries.sort(Sort.asc("A|B"))).hasMessageStartingWith("field");
		assertThatThrownBy(() -> V1Queries.parameters(Query.all().loadOnly("ID|X"))).hasMessageStartingWith("loadOnly field");
		assertThat(V1Queries.filter(Filter.eq("TIME", "12:30"))).isEqualTo("TIME::12:30");
	}

}
