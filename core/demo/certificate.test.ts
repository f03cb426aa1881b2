import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from './certificate.ts';

describe('createSelfSignedCertificate', () => {
  const notBeforeMs = Date.UTC(2025, 0, 1);
  const notAfterMs = Date.UTC(2026, 0, 1);
  const { certPem, keyPem } = createSelfSignedCertificate({
    commonName: 'foresight-demo',
    ipAddresses: ['127.0.0.1', '::1'],
    dnsNames: ['localhost'],
    notBeforeMs,
    notAfterMs,
  });
  const cert = new X509Certificate(certPem);

  it('parses, and is signed by its own key', () => {
    expect(cert.subject).toBe('CN=foresight-demo');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
  });

  it('can act as its own CA for a server on localhost', () => {
    expect(cert.ca).toBe(true);
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.checkIP('::1')).toBeDefined();
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.checkIP('10.0.0.1')).toBeUndefined();
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
  });

  it('is valid for the requested period', () => {
    expect(new Date(cert.validFrom).getTime()).toBe(notBeforeMs);
    expect(new Date(cert.validTo).getTime()).toBe(notAfterMs);
  });

  it('gets a fresh key and serial every time', () => {
    const other = new X509Certificate(
      createSelfSignedCertificate({
        commonName: 'x',
        ipAddresses: [],
        dnsNames: ['a'],
        notBeforeMs,
        notAfterMs,
      }).certPem,
    );
    expect(other.serialNumber).not.toBe(cert.serialNumber);
    expect(other.verify(cert.publicKey)).toBe(false);
  });
});
