import { isUtf8 } from 'node:buffer';

/** A feed's bytes as text: UTF-8 (its byte-order mark dropped), or Windows-1252 when the bytes are not UTF-8. */
export function decodeFeed(source: Uint8Array): string {
  const text = isUtf8(source) ? Buffer.from(source).toString('utf8') : new TextDecoder('windows-1252').decode(source);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
