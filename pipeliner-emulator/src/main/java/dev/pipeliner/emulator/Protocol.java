package dev.pipeliner.emulator;

/**
 * The API an emulator speaks. Each emulator speaks one, and holds its data in that protocol's
 * forms.
 */
public enum Protocol {

	/**
	 * The REST API v1: {@code {url}/rest_services/v1/{teamPipeline}/…}, upper-case field names,
	 * {@code PY-7FFFFFFF-…} ids, paging by offset with {@code Content-Range}.
	 */
	V1,

	/**
	 * The Cloud API v100: {@code {url}/api/v100/rest/spaces/{space}/entities/…}, snake_case field
	 * names, UUID ids, relations as URIs, paging by cursor.
	 */
	V100

}
