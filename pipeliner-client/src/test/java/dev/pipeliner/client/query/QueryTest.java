package dev.pipeliner.client.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryTest {

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

		assertThat(filter.toWire())
			.isEqualTo("A::1|B::2::ne|C::3::gt|D::4::lt|E::5::ge|F::6::le|G::x::ll|H::y::rl|I::z::fl|ADDRESSBOOK_ID::::ne");
	}

	@Test
	void valuesOfOtherTypesTakeTheWireForm() {
		assertThat(Filter.gt("MODIFIED", Instant.parse("2024-05-06T14:00:02.789Z")).toWire())
			.isEqualTo("MODIFIED::2024-05-06 14:00:02::gt");
		assertThat(Filter.eq("IS_ARCHIVE", false).toWire()).isEqualTo("IS_ARCHIVE::0");
		assertThat(Filter.ge("CLOSED", LocalDate.of(2009, 12, 12)).toWire()).isEqualTo("CLOSED::2009-12-12::ge");
		assertThat(Filter.le("VALUE", new java.math.BigDecimal("1E+3")).toWire()).isEqualTo("VALUE::1000::le");
	}

	@Test
	void aFullQueryBecomesItsParameters() {
		Query query = Query.filter(Filter.eq("FIRST_NAME", "Todd"))
			.sort(Sort.asc("NAME").thenDesc("MODIFIED"))
			.limit(5)
			.offset(10)
			.modifiedAfter(Instant.parse("2024-01-01T00:00:00Z"))
			.loadOnly("ID", "EMAIL1");

		assertThat(query.toParameters()).containsExactly(Map.entry("limit", "5"), Map.entry("offset", "10"),
				Map.entry("sort", "NAME|-MODIFIED"), Map.entry("filter", "FIRST_NAME::Todd"),
				Map.entry("after", "2024-01-01 00:00:00"), Map.entry("loadonly", "ID|EMAIL1"));
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

		assertThat(Query.of(parameters).toParameters()).containsExactly(Map.entry("limit", "5"),
				Map.entry("sort", "NAME|-MODIFIED"), Map.entry("filter", "FIRST_NAME::Todd|AGE::30::gt"),
				Map.entry("loadonly", "ID|EMAIL1"));
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
	void separatorsThatTheV1WireCannotEscapeAreRejectedThere() {
		assertThatThrownBy(() -> Filter.eq("NAME", "a|b").toWire()).hasMessageStartingWith("value 'a|b' cannot be expressed");
		assertThatThrownBy(() -> Filter.eq("NAME", "a::b").toWire()).hasMessageStartingWith("value");
		assertThatThrownBy(() -> Filter.eq("NAME", "ends:").toWire()).hasMessageStartingWith("value");
		assertThatThrownBy(() -> Sort.asc("A|B")).hasMessageStartingWith("field");
		assertThatThrownBy(() -> Query.all().loadOnly("ID|X")).hasMessageStartingWith("loadOnly field");
		assertThat(Filter.eq("TIME", "12:30").toWire()).isEqualTo("TIME::12:30");
	}

	@Test
	void limitAcceptsZeroAndNoLimitButNoOtherNegative() {
		assertThat(Query.all().limit(0).getLimit()).isZero();
		assertThat(Query.all().limit(Query.NO_LIMIT).getLimit()).isEqualTo(-1);
		assertThatThrownBy(() -> Query.all().limit(-5)).hasMessageStartingWith("limit");
	}

}
