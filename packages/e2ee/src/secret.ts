import { E2eeError } from './errors.js';
import { bufferSource, utf8 } from './format/bytes.js';
import { DATA_KEY_BYTES } from './format/constants.js';
import type { KeyWrapping } from './format/header.js';

/**
 * What unlocks a recording: a passphrase, or the host's 32-byte key (raw bytes, or an
 * AES-GCM CryptoKey with `wrapKey`/`unwrapKey` usages, e.g. from a KMS integration).
 */
export type Secret = { passphrase: string } | { key: Uint8Array | CryptoKey };

export function secretWrapping(secret: Secret): KeyWrapping {
  return 'passphrase' in secret ? 'passphrase' : 'raw-key';
}

/** The key-encryption key for `secret`: PBKDF2-HMAC-SHA-256 of the NFC passphrase, or the host key itself. */
export async function keyEncryptionKey(
  secret: Secret,
  kdf: { salt: Uint8Array; iterations: number },
  usage: 'wrapKey' | 'unwrapKey',
): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  if ('passphrase' in secret) {
    const password = await subtle.importKey('raw', utf8(secret.passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
    return subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt: bufferSource(kdf.salt), iterations: kdf.iterations },
      password,
      { name: 'AES-GCM', length: 256 },
      false,
      [usage],
    );
  }
  const { key } = secret;
  if (isBytes(key)) {
    if (key.length !== DATA_KEY_BYTES) {
      throw new E2eeError('wrong-secret', `The host key must be ${DATA_KEY_BYTES} bytes (AES-256), not ${key.length}.`);
    }
    return subtle.importKey('raw', bufferSource(key), { name: 'AES-GCM' }, false, [usage]);
  }
  const algorithm = key.algorithm as Partial<AesKeyAlgorithm>;
  if (algorithm.name !== 'AES-GCM' || algorithm.length !== 256) {
    throw new E2eeError('wrong-secret', `The host key must be an AES-GCM 256-bit key, not ${algorithm.name ?? 'unknown'} ${algorithm.length ?? ''}`.trim() + '.');
  }
  if (!key.usages.includes(usage)) throw new E2eeError('wrong-secret', `The host key is not allowed to ${usage} (its usages: ${key.usages.join(', ') || 'none'}).`);
  return key;
}

function isBytes(key: Uint8Array | CryptoKey): key is Uint8Array {
  return ArrayBuffer.isView(key);
}

/** The wrapped-key fields of a verified header that unwrapping needs. */
export interface WrappedKeyParts {
  wrappedKey: Uint8Array;
  wrapNonce: Uint8Array;
  wrapAad: Uint8Array;
}

/**
 * Unwraps a recording's data key into a non-extractable AES-GCM key for
 * `usage`; a secret that does not open the header is `wrong-secret`.
 */
export async function unwrapDataKey(
  secret: Secret,
  header: { recordingId: string; iterations: number; salt: Uint8Array },
  parts: WrappedKeyParts,
  usage: 'decrypt' | 'encrypt',
): Promise<CryptoKey> {
  const kek = await keyEncryptionKey(secret, header, 'unwrapKey');
  try {
    return await globalThis.crypto.subtle.unwrapKey(
      'raw',
      bufferSource(parts.wrappedKey),
      kek,
      { name: 'AES-GCM', iv: bufferSource(parts.wrapNonce), additionalData: bufferSource(parts.wrapAad), tagLength: 128 },
      { name: 'AES-GCM' },
      false,
      [usage],
    );
  } catch (e) {
    const what = 'passphrase' in secret ? 'The passphrase is not correct' : 'The host key does not match';
    throw new E2eeError('wrong-secret', `${what} for recording ${JSON.stringify(header.recordingId)}.`, { cause: e });
  }
}
