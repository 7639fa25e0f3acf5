/** The 64 characters of the base64url alphabet, in value order. */
export const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Encodes bytes as base64url without padding. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 3) {
    const chunkLength = Math.min(3, bytes.length - start);
    const chunk = (bytes[start] << 16) | ((bytes[start + 1] ?? 0) << 8) | (bytes[start + 2] ?? 0);
    // n bytes carry 8n bits, which need n + 1 characters of 6 bits each.
    for (let position = 0; position <= chunkLength; position += 1) {
      text += BASE64URL_ALPHABET[(chunk >> (18 - 6 * position)) & 0x3f];
    }
  }
  return text;
}

/** Decodes unpadded base64url; null unless `text` is the one canonical spelling of its bytes. */
export function decodeBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bufferedBits = 0;
  let byteIndex = 0;
  for (const character of text) {
    const value = BASE64URL_ALPHABET.indexOf(character);
    if (value === -1) return null;
    buffer = ((buffer << 6) | value) & 0xffff;
    bufferedBits += 6;
    if (bufferedBits >= 8) {
      bufferedBits -= 8;
      bytes[byteIndex] = (buffer >> bufferedBits) & 0xff;
      byteIndex += 1;
    }
  }
  // One spelling per byte string, so no character can change unnoticed: re-encoding catches non-zero
  // leftover bits and any other non-canonical form.
  return encodeBase64Url(bytes) === text ? bytes : null;
}
