import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's time-skipping test server (io.temporal:temporal-test-server, the Java SDK's) on a loopback port,
 * with its virtual clock starting at a given instant. The server's own main class (io.temporal.testserver.TestServer)
 * always starts the clock at the current time and listens on every interface; the services it runs are the same.
 *
 * <p>Usage: {@code LepTimeSkippingServer <port> [--enable-time-skipping] [--start-time <epoch milliseconds>]}.
 *
 * <p>As with TestServer, time skipping starts locked unless --enable-time-skipping is given: the clock then runs in
 * real time until a client unlocks it (the SDK's time-skipping client does while it waits for a result; its sleep()
 * skips). Enabled, the clock jumps to the next timer whenever no workflow or activity task is outstanding.
 */
public final class LepTimeSkippingServer {
  public static void main(String[] args) throws Exception {
    if (args.length < 1) usage();
    int port = Integer.parseInt(args[0]);
    boolean enableTimeSkipping = false;
    long startTimeMillis = 0; // TestServicesStarter reads 0 as "now"
    for (int i = 1; i < args.length; i++) {
      if ("--enable-time-skipping".equals(args[i])) enableTimeSkipping = true;
      else if ("--start-time".equals(args[i]) && i + 1 < args.length)
        startTimeMillis = Long.parseLong(args[++i]);
      else usage();
    }

    TestServicesStarter services = new TestServicesStarter(!enableTimeSkipping, startTimeMillis);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
            InsecureServerCredentials.create());
    // The SDKs' clients ping an idle connection every 30 s, as a real Temporal frontend allows; Netty's default
    // policy (a ping at most every 5 min) answers them with GOAWAY "too many pings", cutting calls in flight.
    builder.permitKeepAliveTime(1, TimeUnit.SECONDS).permitKeepAliveWithoutCalls(true);
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    Server server = builder.build().start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdownNow();
                  services.close();
                }));
    server.awaitTermination();
  }

  private static void usage() {
    System.err.println(
        "usage: LepTimeSkippingServer <port> [--enable-time-skipping] [--start-time <epoch ms>]");
    System.exit(2);
  }
}
