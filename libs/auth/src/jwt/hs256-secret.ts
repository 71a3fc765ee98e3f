/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output, 256 bits. */
export const MIN_HS256_SECRET_BYTES = 32;

export function assertHs256Secret(secret: string): void {
  if (Buffer.byteLength(secret) < MIN_HS256_SECRET_BYTES)
    throw new Error(`the HS256 secret must be at least ${MIN_HS256_SECRET_BYTES} bytes long`);
}
