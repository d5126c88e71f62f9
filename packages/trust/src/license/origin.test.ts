import { describe, expect, it } from 'vitest';
import { hostOf, isExemptHost, originAllowed, parseOriginPattern } from './origin.js';

describe('hostOf', () => {
  it('drops scheme, port, case and a trailing dot', () => {
    expect(hostOf('https://Shop.Example.com:8443')).toBe('shop.example.com');
    expect(hostOf('shop.example.com.')).toBe('shop.example.com');
    expect(hostOf('http://[::1]:3000')).toBe('[::1]');
  });
  it('punycodes international names', () => {
    expect(hostOf('https://bücher.example')).toBe('xn--bcher-kva.example');
  });
  it('rejects opaque and empty origins', () => {
    expect(hostOf('null')).toBeNull();
    expect(hostOf('')).toBeNull();
  });
});

describe('parseOriginPattern', () => {
  it('accepts exact hosts and leading wildcards, with or without scheme', () => {
    expect(parseOriginPattern('example.com')).toEqual({ kind: 'exact', host: 'example.com' });
    expect(parseOriginPattern('https://*.example.com:443')).toEqual({
      kind: 'wildcard',
      suffix: 'example.com',
    });
  });
  it('rejects catch-alls and mid-label wildcards', () => {
    expect(parseOriginPattern('*')).toBeNull();
    expect(parseOriginPattern('*.com')).toBeNull();
    expect(parseOriginPattern('a.*.example.com')).toBeNull();
    expect(parseOriginPattern('ex*ample.com')).toBeNull();
  });
});

describe('originAllowed', () => {
  const origins = ['example.com', '*.example.org'];
  it('matches the exact host regardless of scheme and port', () => {
    expect(originAllowed(origins, 'http://example.com:8080')).toBe(true);
    expect(originAllowed(origins, 'https://www.example.com')).toBe(false);
  });
  it('matches subdomains of any depth for a wildcard, but not the bare domain', () => {
    expect(originAllowed(origins, 'https://a.example.org')).toBe(true);
    expect(originAllowed(origins, 'https://a.b.example.org')).toBe(true);
    expect(originAllowed(origins, 'https://example.org')).toBe(false);
  });
  it('is not fooled by look-alike suffixes', () => {
    expect(originAllowed(origins, 'https://evilexample.org')).toBe(false);
    expect(originAllowed(origins, 'https://example.com.evil.net')).toBe(false);
  });
  it('knows the exempt local hosts', () => {
    expect(['localhost', '127.0.0.1', '[::1]'].every(isExemptHost)).toBe(true);
    expect(isExemptHost('localhost.example.com')).toBe(false);
  });
});
