import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Temporal's time-skipping test server (io.temporal:temporal-test-server, the Java SDK's) on a loopback port,
 * with its virtual clock starting at a given instant. The server's own main class (io.temporal.testserver.TestServer)
 * always starts the clock at the current time and listens on every interface; the services it runs are the same.
 *
 * <p>Usage: {@code LepTimeSkippingServer <port> [--start-time <epoch milliseconds>]}.
 *
 * <p>Time skipping starts locked, as TestServer does without --enable-time-skipping: the clock runs in real time
 * until a client unlocks it (the SDK's time-skipping client does while it waits for a result; its sleep() skips).
 */
public final class LepTimeSkippingServer {
  public static void main(String[] args) throws Exception {
    if (args.length != 1 && args.length != 3) usage();
    int port = Integer.parseInt(args[0]);
    long startTimeMillis = 0; // TestServicesStarter reads 0 as "now"
    if (args.length == 3) {
      if (!"--start-time".equals(args[1])) usage();
      startTimeMillis = Long.parseLong(args[2]);
    }

    TestServicesStarter services = new TestServicesStarter(true, startTimeMillis);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
            InsecureServerCredentials.create());
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
    System.err.println("usage: LepTimeSkippingServer <port> [--start-time <epoch milliseconds>]");
    System.exit(2);
  }
}
