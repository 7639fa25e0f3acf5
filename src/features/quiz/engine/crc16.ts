/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF) of some bytes, as a number from 0 to 0xFFFF. */
export function computeCrc16(bytes: Uint8Array): number {
  // Bitwise rather than table-driven: inputs are a few bytes, and this keeps the island bundle small.
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}
