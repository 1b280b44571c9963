package dev.pipeliner.client.query;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.pipeliner.client.internal.arguments.Arguments;

/**
 * The order of a query's results, by one or more fields. Immutable.
 * <pre>{@code
 * Sort.asc("NAME").thenDesc("MODIFIED")
 * }</pre>
 */
public final class Sort {

	private final List<Order> orders;

	private Sort(List<Order> orders) {
		this.orders = List.copyOf(orders);
	}

	/**
	 * The order by one field.
	 * @param field the field's API name
	 * @param descending whether larger values come first
	 */
	public record Order(String field, boolean descending) {

		public Order {
			Arguments.requireText(field, "field");
			if (field.startsWith("-")) {
				throw new IllegalArgumentException("field " + Arguments.quote(field) + " must not start with '-'; use Sort.desc");
			}
		}

	}

	public static Sort asc(String field) {
		return new Sort(List.of(new Order(field, false)));
	}

	public static Sort desc(String field) {
		return new Sort(List.of(new Order(field, true)));
	}

	/**
	 * Parses the v1 form, such as {@code NAME|-MODIFIED}.
	 * @param wire the value of a v1 {@code sort} parameter
	 * @return the sort
	 */
	public static Sort parse(String wire) {
		Arguments.requireText(wire, "sort");
		List<Order> orders = new ArrayList<>();
		for (String part : wire.split("\\|")) {
			orders.add(part.startsWith("-") ? new Order(part.substring(1), true) : new Order(part, false));
		}
		return new Sort(orders);
	}

	/** @return this order, then ascending by {@code field} among equals */
	public Sort thenAsc(String field) {
		return then(new Order(field, false));
	}

	/** @return this order, then descending by {@code field} among equals */
	public Sort thenDesc(String field) {
		return then(new Order(field, true));
	}

	private Sort then(Order order) {
		List<Order> all = new ArrayList<>(this.orders);
		all.add(order);
		return new Sort(all);
	}

	/** @return the orders, most significant first */
	public List<Order> orders() {
		return this.orders;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Sort sort) && this.orders.equals(sort.orders);
	}

	@Override
	public int hashCode() {
		return this.orders.hashCode();
	}

	@Override
	public String toString() {
		return this.orders.stream()
			.map((order) -> order.descending() ? "-" + order.field() : order.field())
			.collect(Collectors.joining("|"));
	}

}
