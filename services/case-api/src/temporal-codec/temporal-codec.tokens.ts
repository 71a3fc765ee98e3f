/** The payload codec of case-api's key ring (the same keys its Temporal client encrypts with). */
export const TEMPORAL_PAYLOAD_CODEC = 'TEMPORAL_PAYLOAD_CODEC';
