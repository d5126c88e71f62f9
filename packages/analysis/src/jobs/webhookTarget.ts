import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which addresses a webhook may reach. By default only public unicast addresses: a folder's
 * `resolution_endpoint` is caller input, and without this rule it would let any API user make the
 * service call loopback, the cloud metadata address or the private network (SSRF).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress())
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for node:http(s) that refuses non-public addresses at connect time, so a name that
 * resolves to a private address (or is re-pointed after a check: DNS rebinding) is never connected to.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(
      hostname,
      { family: options.family === 6 ? 6 : options.family === 4 ? 4 : 0, all: true },
      (err, list) => {
        if (err) return callback(err, []);
        const refused = list.find((a) => !allowPrivate && !isPublicAddress(a.address));
        if (refused || list.length === 0) {
          const e: NodeJS.ErrnoException = new Error(
            `webhook target ${hostname} resolves to a non-public address (${refused?.address ?? 'none'})`,
          );
          e.code = 'EWEBHOOKTARGET';
          return callback(e, []);
        }
        if (options.all) return callback(null, list);
        const first = list[0] as LookupAddress;
        return callback(null, first.address, first.family);
      },
    );
  };
}
