package dev.pipeliner.client;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class MetadataTest extends WireMockTestSupport {

	@Test
	void getCollectionsReadsTheBaseWithoutTrailingSlash() {
		server.stubFor(get(urlEqualTo(BASE)).willReturn(json("[\"Accounts\",\"Contacts\",\"Leads\"]")));

		assertThat(this.client.getCollections().block()).containsExactly("Accounts", "Contacts", "Leads");

		server.verify(getRequestedFor(urlEqualTo(BASE)).withHeader("Authorization", equalTo(AUTHORIZATION))
			.withHeader("Accept", equalTo("application/json")));
	}

	@Test
	void getEntityPublicMapsCollectionsToEntities() {
		stubEntityPublic();

		Map<String, String> names = this.client.getEntityPublic().block();

		assertThat(names).containsEntry("Opportunities", "Opportunity")
			.containsEntry("IntegrationEnvs", "IntegrationEnviroment")
			.hasSize(7);
		server.verify(getRequestedFor(urlEqualTo(BASE + "/entityPublic")).withHeader("Authorization",
				equalTo(AUTHORIZATION)));
	}

	@Test
	void getErrorCodesKeysByNumber() {
		server.stubFor(get(urlEqualTo(BASE + "/errorCodes"))
			.willReturn(json("{\"-1\":\"Unknown error\",\"1003\":\"Entity not found\",\"1401\":\"Required field missing\"}")));

		assertThat(this.client.getErrorCodes().block()).containsEntry(-1, "Unknown error")
			.containsEntry(1003, "Entity not found")
			.containsEntry(1401, "Required field missing");
		server.verify(getRequestedFor(urlEqualTo(BASE + "/errorCodes")).withHeader("Authorization",
				equalTo(AUTHORIZATION)));
	}

	@Test
	void getFieldsDecodesDescriptorsWithBooleansInEitherForm() {
		stubEntityPublic();
		server.stubFor(get(urlPathEqualTo(BASE + "/getFields/Contact")).willReturn(json("""
				[{"API_NAME":"FIRST_NAME","CALC_FORMULA":null,"CHOICES":null,"CUSTOM":false,"DEFAULT":null,
				  "DESCRIPTION":"First name","ID":"FIRST_NAME","MAX_VALUE":100,"MIN_VALUE":null,"NAME":"First Name",
				  "PL_TYPE":"Text","READONLY":0,"REQUIRED":1,"TYPE":"unicode"},
				 {"API_NAME":"cf_industry_tier","CALC_FORMULA":null,"CHOICES":{"PY-1":"Gold","PY-2":"Silver"},
				  "CUSTOM":"1","DEFAULT":"PY-2","DESCRIPTION":null,"ID":"PY-7FFFFFFF-ABC","MAX_VALUE":null,
				  "MIN_VALUE":"0.5","NAME":"Tier","PL_TYPE":"Dropdown","READONLY":true,"REQUIRED":false,"TYPE":"list"}]""")));

		List<FieldInfo> fields = this.client.getFields("Contacts").block();

		assertThat(fields).hasSize(2);
		FieldInfo first = fields.get(0);
		assertThat(first.apiName()).isEqualTo("FIRST_NAME");
		assertThat(first.required()).isTrue();
		assertThat(first.readOnly()).isFalse();
		assertThat(first.custom()).isFalse();
		assertThat(first.maxValue()).isEqualByComparingTo("100");
		assertThat(first.type()).isEqualTo("unicode");
		FieldInfo tier = fields.get(1);
		assertThat(tier.custom()).isTrue();
		assertThat(tier.readOnly()).isTrue();
		assertThat(tier.required()).isFalse();
		assertThat(tier.choices()).containsExactly(Map.entry("PY-1", "Gold"), Map.entry("PY-2", "Silver"));
		assertThat(tier.minValue()).isEqualTo(new BigDecimal("0.5"));
		assertThat(tier.defaultValue()).isEqualTo("PY-2");
		server.verify(getRequestedFor(urlEqualTo(BASE + "/getFields/Contact")).withHeader("Authorization",
				equalTo(AUTHORIZATION)));
	}

	@Test
	void getFieldsSendsItsQuery() {
		stubEntityPublic();
		server.stubFor(get(urlPathEqualTo(BASE + "/getFields/Account")).willReturn(json("[]")));

		assertThat(this.client.getFields("Account", Query.filter(Filter.eq("CUSTOM", "TRUE"))).block()).isEmpty();

		server.verify(getRequestedFor(urlPathEqualTo(BASE + "/getFields/Account")).withQueryParam("filter",
				equalTo("CUSTOM::TRUE")));
	}

	@Test
	void getServerApiUtcDateTimeReadsUtc() {
		server.stubFor(get(urlEqualTo(BASE + "/serverAPIUtcDateTime")).willReturn(json("\"2024-05-06 14:00:02\"")));

		assertThat(this.client.getServerApiUtcDateTime().block()).isEqualTo(Instant.parse("2024-05-06T14:00:02Z"));
		server.verify(getRequestedFor(urlEqualTo(BASE + "/serverAPIUtcDateTime")).withHeader("Authorization",
				equalTo(AUTHORIZATION)));
	}

	@Test
	void getTeamPipelineUrlAndVersion() {
		server.stubFor(get(urlEqualTo(BASE + "/teamPipelineUrl")).willReturn(json("\"https://eu2.pipelinersales.com\"")));
		server.stubFor(get(urlEqualTo(BASE + "/teamPipelineVersion")).willReturn(json("15")));

		assertThat(this.client.getTeamPipelineUrl().block()).isEqualTo(URI.create("https://eu2.pipelinersales.com"));
		assertThat(this.client.getTeamPipelineVersion().block()).isEqualTo(15);
		server.verify(getRequestedFor(urlEqualTo(BASE + "/teamPipelineUrl")).withHeader("Authorization",
				equalTo(AUTHORIZATION)));
		server.verify(getRequestedFor(urlEqualTo(BASE + "/teamPipelineVersion")).withHeader("Authorization",
				equalTo(AUTHORIZATION)));
	}

}
