import { isIP } from 'node:net';

/** What Express's `trust proxy` is set to: off, a hop count, or the addresses of the trusted proxies. */
export type TrustProxy = false | number | string[];

/** Names Express (proxy-addr) knows for whole address ranges. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const MAX_HOPS = 10;

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * Reads TRUST_PROXY: unset, `false` or `0` = no proxy (the peer address is the client); a number = that many
 * proxies in front of the service, the client being the address that many hops back in X-Forwarded-For; or a
 * comma-separated list of the proxies' addresses and CIDR ranges (and Express's names loopback, linklocal,
 * uniquelocal). `true` is refused: trusting every hop lets any client choose its own address.
 */
export function parseTrustProxy(text: string | undefined): TrustProxy {
  const value = (text ?? '').trim();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true')
    throw new Error(
      'TRUST_PROXY=true would let any client forge its address; give the number of proxies or their addresses',
    );
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_HOPS) throw new Error(`TRUST_PROXY must be at most ${MAX_HOPS} proxies`);
    return hops;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !isAddressOrRange(entry));
  if (wrong.length > 0)
    throw new Error(
      `TRUST_PROXY must be a number of proxies or a comma-separated list of IP addresses and CIDR ranges (or loopback, linklocal, uniquelocal); not ${wrong.map((entry) => `"${entry}"`).join(', ')}`,
    );
  return entries;
}
