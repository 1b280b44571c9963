package dev.pipeliner.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy on loopback that adds a fixed round-trip time to a server: every chunk of bytes,
 * either way, is passed on half the round trip after it arrived, in order, and a close follows
 * the bytes before it. Connections, their reuse and TCP behave as they really do; only the wire
 * is slower. Chunks are not paced by bandwidth.
 */
final class DelayProxy implements AutoCloseable {

	private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

	private final long oneWayNanos;

	private final Channel server;

	/**
	 * @param targetPort the loopback port of the server to stand in front of
	 * @param roundTrip the round-trip time to add
	 */
	DelayProxy(int targetPort, Duration roundTrip) {
		this.oneWayNanos = roundTrip.toNanos() / 2;
		this.server = new ServerBootstrap().group(this.loops)
			.channel(NioServerSocketChannel.class)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childOption(ChannelOption.AUTO_READ, false)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel inbound) {
					Relay toServer = new Relay();
					inbound.pipeline().addLast(toServer);
					new Bootstrap().group(inbound.eventLoop())
						.channel(NioSocketChannel.class)
						.option(ChannelOption.TCP_NODELAY, true)
						.handler(new Relay(inbound))
						.connect("127.0.0.1", targetPort)
						.addListener((ChannelFutureListener) (connected) -> {
							if (connected.isSuccess()) {
								toServer.peer = connected.channel();
								inbound.config().setAutoRead(true);
							}
							else {
								inbound.close();
							}
						});
				}
			})
			.bind("127.0.0.1", 0)
			.syncUninterruptibly()
			.channel();
	}

	/** @return the URL of the proxied server */
	String url() {
		return "http://127.0.0.1:" + ((java.net.InetSocketAddress) this.server.localAddress()).getPort();
	}

	@Override
	public void close() {
		this.server.close().syncUninterruptibly();
		this.loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	/** Passes what one side sends to the other, late. */
	private final class Relay extends ChannelInboundHandlerAdapter {

		private volatile @Nullable Channel peer;

		Relay() {
		}

		Relay(Channel peer) {
			this.peer = peer;
		}

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			Channel to = this.peer;
			if (to == null) {
				ReferenceCountUtil.release(message);
				context.close();
				return;
			}
			context.executor().schedule(() -> {
				if (to.isActive()) {
					to.writeAndFlush(message);
				}
				else {
					ReferenceCountUtil.release(message);
				}
			}, DelayProxy.this.oneWayNanos, TimeUnit.NANOSECONDS);
		}

		@Override
		public void channelInactive(ChannelHandlerContext context) {
			Channel to = this.peer;
			if (to != null) {
				context.executor().schedule(() -> to.close(), DelayProxy.this.oneWayNanos, TimeUnit.NANOSECONDS);
			}
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
			context.close();
		}

	}

}
