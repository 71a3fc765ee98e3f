{{/* Name of a service's objects: <release>-<service>. */}}
{{- define "lep.name" -}}
{{- printf "%s-%s" .root.Release.Name .service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every object of a service. */}}
{{- define "lep.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: lep
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{ include "lep.selectorLabels" . }}
{{- end -}}

{{/* What a service's Deployment, Service, PodDisruptionBudget select its pods by. */}}
{{- define "lep.selectorLabels" -}}
app.kubernetes.io/name: {{ .service }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "lep.image" -}}
{{- $image := .root.Values.image -}}
{{- $tag := default .root.Chart.AppVersion $image.tag -}}
{{- if $image.registry -}}
{{ printf "%s/%s/%s:%s" $image.registry $image.repository .service $tag }}
{{- else -}}
{{ printf "%s/%s:%s" $image.repository .service $tag }}
{{- end -}}
{{- end -}}

{{/*
The non-secret environment of a service, as the ConfigMap's data: the variables its config class validates,
chosen by its dependencies. Secrets are referenced by "lep.secretEnv".
*/}}
{{- define "lep.configData" -}}
{{- $root := .root -}}
{{- $svc := .svc -}}
{{- $deps := $svc.dependencies -}}
{{- $v := $root.Values -}}
PORT: {{ $svc.port | quote }}
LOG_LEVEL: {{ $v.config.logLevel | quote }}
TRUST_PROXY: {{ $v.config.trustProxy | toString | quote }}
{{- if $v.tracing.otlpEndpoint }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ $v.tracing.otlpEndpoint | quote }}
{{- end }}
{{- if has "kafka" $deps }}
KAFKA_BROKERS: {{ required "kafka.brokers is required" $v.kafka.brokers | quote }}
KAFKA_SSL: {{ $v.kafka.ssl | toString | quote }}
OUTBOX_RETENTION_DAYS: {{ $v.config.outboxRetentionDays | toString | quote }}
{{- if $v.kafka.caSecretName }}
KAFKA_SSL_CA_FILE: /etc/lep/tls/kafka/ca.crt
{{- end }}
{{- if $v.kafka.sasl.mechanism }}
KAFKA_SASL_MECHANISM: {{ $v.kafka.sasl.mechanism | quote }}
{{- end }}
{{- end }}
{{- if has "temporal" $deps }}
TEMPORAL_ADDRESS: {{ required "temporal.address is required" $v.temporal.address | quote }}
TEMPORAL_NAMESPACE: {{ $v.temporal.namespace | quote }}
TEMPORAL_TLS: {{ $v.temporal.tls.enabled | toString | quote }}
{{- if and $v.temporal.tls.secretName $v.temporal.tls.caFile }}
TEMPORAL_TLS_CA_FILE: {{ printf "/etc/lep/tls/temporal/%s" $v.temporal.tls.caFile | quote }}
{{- end }}
{{- if and $v.temporal.tls.secretName $v.temporal.tls.certFile }}
TEMPORAL_TLS_CERT_FILE: {{ printf "/etc/lep/tls/temporal/%s" $v.temporal.tls.certFile | quote }}
TEMPORAL_TLS_KEY_FILE: {{ printf "/etc/lep/tls/temporal/%s" (required "temporal.tls.keyFile is required with temporal.tls.certFile" $v.temporal.tls.keyFile) | quote }}
{{- end }}
{{- if $v.temporal.tls.serverName }}
TEMPORAL_TLS_SERVER_NAME: {{ $v.temporal.tls.serverName | quote }}
{{- end }}
{{- end }}
{{- if has "s3" $deps }}
S3_ENDPOINT: {{ required "s3.endpoint is required" $v.s3.endpoint | quote }}
S3_REGION: {{ $v.s3.region | quote }}
S3_BUCKET: {{ $v.s3.bucket | quote }}
{{- if $v.s3.caSecretName }}
S3_CA_FILE: /etc/lep/tls/s3/ca.crt
{{- end }}
{{- end }}
{{- if has "auth" $deps }}
{{- if $v.auth.jwksUrl }}
AUTH_JWKS_URL: {{ $v.auth.jwksUrl | quote }}
{{- end }}
AUTH_ISSUER: {{ required "auth.issuer is required" $v.auth.issuer | quote }}
AUTH_AUDIENCE: {{ required "auth.audience is required" $v.auth.audience | quote }}
{{- if $v.auth.agencyClaim }}
AUTH_AGENCY_CLAIM: {{ $v.auth.agencyClaim | quote }}
{{- end }}
{{- if $v.auth.rolesClaim }}
AUTH_ROLES_CLAIM: {{ $v.auth.rolesClaim | quote }}
{{- end }}
{{- if $v.auth.roleMap }}
AUTH_ROLE_MAP: {{ $v.auth.roleMap | quote }}
{{- end }}
{{- if and (ne .service "registry") $v.services.registry.enabled }}
AUTH_API_KEY_INTROSPECTION_URL: {{ printf "http://%s:%v/api/v1/auth/introspect" (include "lep.name" (dict "root" $root "service" "registry")) $v.services.registry.port | quote }}
{{- end }}
{{- end }}
{{- if has "registry" $deps }}
REGISTRY_URL: {{ printf "http://%s:%v" (include "lep.name" (dict "root" $root "service" "registry")) $v.services.registry.port | quote }}
{{- end }}
{{- range $key, $value := $svc.config }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/* Variables taken from existing Secrets (never from values). */}}
{{- define "lep.secretEnv" -}}
{{- $v := .root.Values -}}
{{- $svc := .svc -}}
{{- $deps := $svc.dependencies -}}
{{- if has "database" $deps }}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "services.%s.databaseSecret.name is required" .service) $svc.databaseSecret.name }}
      key: {{ $svc.databaseSecret.key | default "DATABASE_URL" }}
{{- end }}
{{- if and (has "kafka" $deps) $v.kafka.sasl.mechanism }}
{{- $sasl := required (printf "services.%s.kafkaSaslSecret is required with kafka.sasl.mechanism (one Kafka user per service)" .service) $svc.kafkaSaslSecret }}
- name: KAFKA_SASL_USERNAME
  valueFrom:
    secretKeyRef: { name: {{ $sasl }}, key: username }
- name: KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef: { name: {{ $sasl }}, key: password }
{{- end }}
{{- if has "s3" $deps }}
{{- $s3 := required (printf "services.%s.s3Secret is required (S3_ACCESS_KEY, S3_SECRET_KEY)" .service) $svc.s3Secret }}
- name: S3_ACCESS_KEY
  valueFrom:
    secretKeyRef: { name: {{ $s3 }}, key: S3_ACCESS_KEY }
- name: S3_SECRET_KEY
  valueFrom:
    secretKeyRef: { name: {{ $s3 }}, key: S3_SECRET_KEY }
{{- end }}
{{- if has "temporal" $deps }}
{{- $keys := required "temporal.payloadKeysSecret is required (TEMPORAL_PAYLOAD_KEYS, TEMPORAL_PAYLOAD_KEY_ID)" $v.temporal.payloadKeysSecret }}
- name: TEMPORAL_PAYLOAD_KEYS
  valueFrom:
    secretKeyRef: { name: {{ $keys }}, key: TEMPORAL_PAYLOAD_KEYS }
- name: TEMPORAL_PAYLOAD_KEY_ID
  valueFrom:
    secretKeyRef: { name: {{ $keys }}, key: TEMPORAL_PAYLOAD_KEY_ID }
{{- end }}
{{- if and (has "auth" $deps) $v.auth.jwtSecret.secretName }}
- name: AUTH_JWT_SECRET
  valueFrom:
    secretKeyRef: { name: {{ $v.auth.jwtSecret.secretName }}, key: {{ $v.auth.jwtSecret.key }} }
{{- end }}
{{- if and (has "registry" $deps) $svc.registryApiKeySecret }}
- name: REGISTRY_API_KEY
  valueFrom:
    secretKeyRef: { name: {{ $svc.registryApiKeySecret }}, key: REGISTRY_API_KEY }
{{- end }}
{{- if $svc.upstreamTokenSecret }}
- name: PUBLICATION_UPSTREAM_TOKEN
  valueFrom:
    secretKeyRef: { name: {{ $svc.upstreamTokenSecret }}, key: PUBLICATION_UPSTREAM_TOKEN }
{{- end }}
{{- if $v.metrics.tokenSecret }}
- name: METRICS_TOKEN
  valueFrom:
    secretKeyRef: { name: {{ $v.metrics.tokenSecret }}, key: METRICS_TOKEN }
{{- end }}
{{- end -}}

{{/* Settings the services would refuse at start-up, refused at render time instead. */}}
{{- define "lep.validate" -}}
{{- $auth := .Values.auth -}}
{{- if and $auth.jwksUrl $auth.jwtSecret.secretName -}}
{{- fail "auth: set exactly one of auth.jwksUrl (production) and auth.jwtSecret.secretName (development), not both" -}}
{{- end -}}
{{- if not (or $auth.jwksUrl $auth.jwtSecret.secretName) -}}
{{- fail "auth: set exactly one of auth.jwksUrl (production) and auth.jwtSecret.secretName (development)" -}}
{{- end -}}
{{- if and .Values.services.worker.enabled (not .Values.services.worker.registryApiKeySecret) (not $auth.jwtSecret.secretName) -}}
{{- fail "services.worker.registryApiKeySecret is required when staff tokens come from an identity provider (the worker cannot sign its own tokens)" -}}
{{- end -}}
{{- end -}}
