#!/bin/sh
# Registers LEP's Temporal namespace and the custom search attributes operators filter cases by in the Web UI.
# The attributes mirror SEARCH_ATTRIBUTES in libs/contracts/src/temporal.ts; deploy/test/compose.spec.ts runs this
# script and fails when the two differ. Safe to re-run: an existing namespace is kept, and the server accepts
# re-registering an attribute with the same type. The temporal CLI reads TEMPORAL_ADDRESS from the environment.
set -eu

: "${TEMPORAL_ADDRESS:?TEMPORAL_ADDRESS (host:port of the frontend) is required}"
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
RETENTION="${TEMPORAL_NAMESPACE_RETENTION:-30d}"
MAX_ATTEMPTS="${TEMPORAL_SETUP_MAX_ATTEMPTS:-30}"
SLEEP_SECONDS="${TEMPORAL_SETUP_SLEEP_SECONDS:-5}"

# Runs a command until it succeeds: the frontend accepts connections before the cluster can serve requests.
retry() {
  attempt=1
  until "$@"; do
    if [ "$attempt" -ge "$MAX_ATTEMPTS" ]; then
      echo "giving up after $MAX_ATTEMPTS attempts: $*" >&2
      return 1
    fi
    echo "not ready yet (attempt $attempt/$MAX_ATTEMPTS): $*"
    attempt=$((attempt + 1))
    sleep "$SLEEP_SECONDS"
  done
}

ensure_namespace() {
  temporal operator namespace describe --namespace "$NAMESPACE" >/dev/null 2>&1 ||
    temporal operator namespace create --namespace "$NAMESPACE" --retention "$RETENTION"
}

register_search_attribute() {
  retry temporal operator search-attribute create --namespace "$NAMESPACE" --name "$1" --type "$2"
}

retry temporal operator cluster health
retry ensure_namespace

register_search_attribute LepAgency Keyword
register_search_attribute LepStage Keyword
register_search_attribute LepCategory Keyword
register_search_attribute LepMajor Bool
register_search_attribute LepNextDeadline Datetime
register_search_attribute LepDeadlineProvisional Bool

echo "namespace $NAMESPACE ready with the LEP search attributes"
