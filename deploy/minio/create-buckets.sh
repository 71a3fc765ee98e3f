#!/bin/sh
# Creates LEP's buckets. Evidence is write-once: the bucket is created with S3 object lock (which MinIO allows
# only at creation) and a default retention, so no stored evidence item can be overwritten or deleted before the
# retention ends (执法全过程记录). GOVERNANCE lets an administrator with the bypass permission remove test data;
# production should use COMPLIANCE with the archive period of the case file. Safe to re-run.
set -eu

: "${MINIO_ENDPOINT:?MINIO_ENDPOINT (http://host:port) is required}"
: "${MINIO_ROOT_USER:?MINIO_ROOT_USER is required}"
: "${MINIO_ROOT_PASSWORD:?MINIO_ROOT_PASSWORD is required}"
EVIDENCE_BUCKET="${EVIDENCE_BUCKET:-lep-evidence}"
PUBLIC_BUCKET="${PUBLIC_BUCKET:-lep-public}"
RETENTION_MODE="${EVIDENCE_RETENTION_MODE:-GOVERNANCE}"
RETENTION="${EVIDENCE_RETENTION:-30d}"

mc alias set lep "$MINIO_ENDPOINT" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"

mc mb --ignore-existing --with-lock "lep/$EVIDENCE_BUCKET"
# Fails on a bucket that exists without object lock, which is what we want: evidence must never land there.
mc retention set --default "$RETENTION_MODE" "$RETENTION" "lep/$EVIDENCE_BUCKET"

# Uploads stream into the evidence bucket itself as multipart uploads, completed only once their SHA-256 is checked;
# an incomplete upload is no object, so no retention holds it: the service aborts the ones it gives up, and MinIO
# drops those a crash leaves behind on its own (api stale_uploads_expiry, 24 h by default).

mc mb --ignore-existing "lep/$PUBLIC_BUCKET"

echo "buckets $EVIDENCE_BUCKET (object lock, $RETENTION_MODE $RETENTION) and $PUBLIC_BUCKET ready"
