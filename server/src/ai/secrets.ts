import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Per-workspace provider keys at rest: AES-256-GCM under a key derived from
 * CLOSER_SECRET with HKDF-SHA256. The derivation's `info` names the purpose, so
 * the same secret used for signing elsewhere yields an unrelated key here.
 *
 * Format: `v1:<iv>:<tag>:<ciphertext>`, each part base64url. The version lets a
 * later format (or a rotated secret) coexist with rows written today.
 */

const VERSION = 'v1';
const IV_BYTES = 12; // the GCM standard nonce size; random per message
const TAG_BYTES = 16;
const SALT = 'closer/ai/provider-keys';
const INFO = 'aes-256-gcm v1';

export class SecretDecryptionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SecretDecryptionError';
  }
}

function deriveKey(secret: string): Buffer {
  if (secret.length < 16) throw new TypeError('The encryption secret must be at least 16 characters long');
  return Buffer.from(hkdfSync('sha256', secret, SALT, INFO, 32));
}

/**
 * `context` (for example the workspace id) is authenticated but not stored: a
 * ciphertext copied to another workspace's row then fails to decrypt.
 */
export function encryptSecret(plaintext: string, secret: string, context = ''): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(secret), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(`${VERSION}|${context}`, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join(':');
}

export function decryptSecret(token: string, secret: string, context = ''): string {
  const [version, ...encoded] = token.split(':');
  if (version !== VERSION || encoded.length !== 3) {
    throw new SecretDecryptionError('Unsupported or malformed encrypted secret');
  }
  const [iv, tag, ciphertext] = encoded.map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !ciphertext || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SecretDecryptionError('Malformed encrypted secret');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(secret), iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(`${VERSION}|${context}`, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch (cause) {
    // GCM authentication failed: wrong secret, wrong context, or tampered data.
    throw new SecretDecryptionError('Encrypted secret failed authentication', { cause });
  }
}

/** For settings pages: enough to recognise a key, never enough to use it. */
export function maskSecret(plaintext: string): string {
  return plaintext.length <= 8 ? '••••' : `${plaintext.slice(0, 3)}…${plaintext.slice(-4)}`;
}
