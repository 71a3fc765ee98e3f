/*
 * A Kafka-protocol broker for tests: librdkafka's mock cluster on 127.0.0.1.
 *
 *   kafka-mock <brokers> [topic:partitions ...]
 *
 * Prints "bootstrap <host:port,...>" once the cluster listens, then reads commands on stdin, one per line:
 *   down   every broker stops answering (connections are refused/closed), as in a broker outage
 *   up     every broker answers again
 * It exits on end of input, SIGTERM or SIGINT, so it never outlives the harness that started it.
 */
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile sig_atomic_t stop = 0;

static void on_signal(int sig) {
  (void)sig;
  stop = 1;
}

static void set_all_brokers(rd_kafka_mock_cluster_t *cluster, int brokers, int up) {
  for (int id = 1; id <= brokers; id++) {
    if (up)
      rd_kafka_mock_broker_set_up(cluster, id);
    else
      rd_kafka_mock_broker_set_down(cluster, id);
  }
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: kafka-mock <brokers> [topic:partitions ...]\n");
    return 2;
  }
  int brokers = atoi(argv[1]);
  char errstr[512];
  rd_kafka_conf_t *conf = rd_kafka_conf_new();
  /* The handle only hosts the mock cluster; keep librdkafka's own logging quiet. */
  rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof(errstr));
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
  if (!rk) {
    fprintf(stderr, "rd_kafka_new: %s\n", errstr);
    return 1;
  }
  rd_kafka_mock_cluster_t *cluster = rd_kafka_mock_cluster_new(rk, brokers);
  if (!cluster) {
    fprintf(stderr, "rd_kafka_mock_cluster_new failed\n");
    return 1;
  }
  for (int i = 2; i < argc; i++) {
    char *spec = argv[i];
    char *colon = strrchr(spec, ':');
    if (!colon) {
      fprintf(stderr, "topic spec must be name:partitions: %s\n", spec);
      return 2;
    }
    *colon = '\0';
    int partitions = atoi(colon + 1);
    if (rd_kafka_mock_topic_create(cluster, spec, partitions, 1) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      fprintf(stderr, "cannot create topic %s\n", spec);
      return 1;
    }
  }
  /* No SA_RESTART: a signal must interrupt the blocking read of stdin so the loop below sees `stop`. */
  struct sigaction action;
  memset(&action, 0, sizeof(action));
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGINT, &action, NULL);
  printf("bootstrap %s\n", rd_kafka_mock_cluster_bootstraps(cluster));
  fflush(stdout);

  char line[64];
  while (!stop && fgets(line, sizeof(line), stdin)) {
    if (strncmp(line, "down", 4) == 0)
      set_all_brokers(cluster, brokers, 0);
    else if (strncmp(line, "up", 2) == 0)
      set_all_brokers(cluster, brokers, 1);
    printf("ok %s", line);
    fflush(stdout);
  }
  rd_kafka_mock_cluster_destroy(cluster);
  rd_kafka_destroy(rk);
  return 0;
}
