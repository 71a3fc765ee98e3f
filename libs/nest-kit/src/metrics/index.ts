export { ServiceMetrics } from './service-metrics';
export { registerConsumerLagMetrics, registerOutboxMetrics } from './messaging-metrics';
export { metricsEndpoint, METRICS_PATH } from './metrics-endpoint';
export { installTemporalRuntime } from './temporal-runtime-metrics';
