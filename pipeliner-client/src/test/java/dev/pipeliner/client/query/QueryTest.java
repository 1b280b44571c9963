package dev.pipeliner.client.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryTest {

	@Test
	void aFullQueryDescribesItself() {
		Query query = Query.filter(Filter.eq("FIRST_NAME", "Todd"))
			.sort(Sort.asc("NAME").thenDesc("MODIFIED"))
			.limit(5)
			.offset(10)
			.modifiedAfter(Instant.parse("2024-01-01T00:00:00Z"))
			.loadOnly("ID", "EMAIL1");

		assertThat(query).hasToString("Query[filter=FIRST_NAME EQ Todd, sort=NAME|-MODIFIED, limit=5, offset=10,"
				+ " modifiedAfter=2024-01-01T00:00:00Z, loadOnly=[ID, EMAIL1]]");
	}

	@Test
	void aQueryStringParsesToTheSameQuery() {
		Query parsed = Query.parse("limit=5&filter=FIRST_NAME::Todd|AGE::30::gt&sort=-MODIFIED"
				+ "&after=2024-01-01%2000:00:00&loadonly=ID|EMAIL1&offset=0");

		assertThat(parsed).isEqualTo(Query.filter(Filter.eq("FIRST_NAME", "Todd").and(Filter.gt("AGE", 30)))
			.limit(5)
			.sort(Sort.desc("MODIFIED"))
			.modifiedAfter(Instant.parse("2024-01-01T00:00:00Z"))
			.loadOnly("ID", "EMAIL1")
			.offset(0));
		assertThat(Query.parse("?limit=-1").getLimit()).isEqualTo(Query.NO_LIMIT);
		assertThat(Query.parse("")).isEqualTo(Query.all());
	}

	@Test
	void aMapInThePythonSdkFormBuildsTheQuery() {
		Map<String, Object> filter = new LinkedHashMap<>();
		filter.put("FIRST_NAME", "Todd");
		filter.put("AGE", List.of(30, "gt"));
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("limit", 5);
		parameters.put("filter", filter);
		parameters.put("sort", List.of("NAME", "-MODIFIED"));
		parameters.put("loadonly", "ID|EMAIL1");

		assertThat(Query.of(parameters)).isEqualTo(Query.filter(Filter.eq("FIRST_NAME", "Todd").and(Filter.gt("AGE", 30)))
			.limit(5)
			.sort(Sort.asc("NAME").thenDesc("MODIFIED"))
			.loadOnly("ID", "EMAIL1"));
	}

	@Test
	void unknownParametersAndOperatorsAreRejected() {
		assertThatThrownBy(() -> Query.parse("limit=5&page=2")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'page' is unknown");
		assertThatThrownBy(() -> Query.parse("filter=NAME::x::like")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'like' is unknown");
		assertThatThrownBy(() -> Query.parse("filter=NAME")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("FIELD::value");
		assertThatThrownBy(() -> Query.parse("limit=many")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("limit");
		assertThatThrownBy(() -> Query.of(Map.of("after", "yesterday"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("after");
	}

	@Test
	void limitAcceptsZeroAndNoLimitButNoOtherNegative() {
		assertThat(Query.all().limit(0).getLimit()).isZero();
		assertThat(Query.all().limit(Query.NO_LIMIT).getLimit()).isEqualTo(-1);
		assertThatThrownBy(() -> Query.all().limit(-5)).hasMessageStartingWith("limit");
	}

}
