import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/**
 * A self-signed X.509 certificate for the demo server, made in-process (Node can parse
 * certificates but not issue them, and the app cannot count on an openssl binary).
 *
 * Why TLS at all: kubectl (client-go's clientcmd) sends a kubeconfig's credentials only over TLS,
 * so a token-protected plain-http server is unusable from kubectl. The certificate is its own CA:
 * the kubeconfig carries it as `certificate-authority-data`, so clients verify the server
 * properly instead of skipping verification.
 */

export interface SelfSignedCertificate {
  certPem: string;
  keyPem: string;
}

export interface CertificateRequest {
  commonName: string;
  ipAddresses: readonly string[];
  dnsNames: readonly string[];
  /** Real epoch ms (not simulated time): TLS clients check validity against their own clock. */
  notBeforeMs: number;
  notAfterMs: number;
}

export function createSelfSignedCertificate(request: CertificateRequest): SelfSignedCertificate {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const name = seq(set(seq(oid('2.5.4.3'), utf8(request.commonName))));
  const serial = randomBytes(16);
  serial[0] = (serial[0] as number) & 0x7f; // positive, as DER INTEGERs are signed

  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serial),
    ECDSA_WITH_SHA256,
    name,
    seq(time(request.notBeforeMs), time(request.notAfterMs)),
    name,
    spki,
    explicit(
      3,
      seq(
        extension('2.5.29.19', true, seq(boolean(true))), // basicConstraints: CA, so it can be its own root
        extension('2.5.29.15', true, bitString(Buffer.from([0x84]), 2)), // keyUsage: digitalSignature, keyCertSign
        extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))), // extKeyUsage: serverAuth
        extension('2.5.29.14', false, octetString(createHash('sha1').update(publicKeyBits(spki)).digest())),
        extension(
          '2.5.29.17', // subjectAltName: clients match the host against these, not the CN
          false,
          seq(
            ...request.dnsNames.map((dns) => tlv(0x82, Buffer.from(dns, 'ascii'))),
            ...request.ipAddresses.map((ip) => tlv(0x87, ipBytes(ip))),
          ),
        ),
      ),
    ),
  );
  const signature = sign('sha256', tbs, privateKey); // DER-encoded ECDSA signature
  const certificate = seq(tbs, ECDSA_WITH_SHA256, bitString(signature, 0));
  return {
    certPem: pem('CERTIFICATE', certificate),
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

// ---------------------------------------------------------------- DER

function tlv(tag: number, content: Buffer): Buffer {
  const length = content.length;
  let header: Buffer;
  if (length < 0x80) header = Buffer.from([tag, length]);
  else {
    const bytes: number[] = [];
    for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
    header = Buffer.from([tag, 0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([header, content]);
}

const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const explicit = (n: number, inner: Buffer) => tlv(0xa0 | n, inner);
const boolean = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
const octetString = (bytes: Buffer) => tlv(0x04, bytes);
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));
const bitString = (bytes: Buffer, unusedBits: number) =>
  tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), bytes]));

function integer(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0 && ((bytes[start + 1] as number) & 0x80) === 0)
    start++;
  return tlv(0x02, bytes.subarray(start));
}

function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * first + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift(0x80 | (n & 0x7f));
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

const ECDSA_WITH_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));
}

/** UTCTime until 2049, GeneralizedTime after, as RFC 5280 requires. */
function time(ms: number): Buffer {
  const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString(); // 2025-01-15T12:00:00.000Z
  const digits = iso.slice(0, 19).replace(/[-:T]/g, ''); // 20250115120000
  const year = Number(digits.slice(0, 4));
  return year < 2050 ? tlv(0x17, Buffer.from(`${digits.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${digits}Z`));
}

function ipBytes(ip: string): Buffer {
  if (ip.includes(':')) {
    const [head = '', tail = ''] = ip.split('::');
    const groups = (part: string) => (part === '' ? [] : part.split(':'));
    const left = groups(head);
    const right = ip.includes('::') ? groups(tail) : [];
    const all = [...left, ...new Array<string>(8 - left.length - right.length).fill('0'), ...right];
    return Buffer.from(all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
  }
  return Buffer.from(ip.split('.').map(Number));
}

/** The key bits inside a SubjectPublicKeyInfo: what the subject key identifier hashes. */
function publicKeyBits(spki: Buffer): Buffer {
  // SPKI = SEQUENCE { AlgorithmIdentifier, BIT STRING }; for P-256 the point is the last 65 bytes.
  return spki.subarray(spki.length - 65);
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
