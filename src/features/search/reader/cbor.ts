/**
 * A small CBOR decoder (RFC 8949) for the files of Pagefind's index, which its indexer writes with
 * minicbor: unsigned and negative integers, text and byte strings, arrays (definite or not), maps and
 * the simple values. Floats and tags do not occur in those files and are refused.
 */

/** A decoded value: numbers, strings, bytes, arrays, maps as objects, booleans and null. */
export type CborValue = number | string | Uint8Array | boolean | null | CborValue[] | { [key: string]: CborValue };

const utf8 = new TextDecoder();

/** Decodes the single CBOR item that `bytes` holds; throws on anything malformed or unsupported. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;

  const need = (count: number): void => {
    if (at + count > bytes.length) throw new Error(`CBOR data ends early at byte ${at}.`);
  };

  /** The argument of an item head: the length, count or value that follows its first byte. */
  const readArgument = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw new Error(`Unsupported CBOR length at byte ${at - 1}.`);
    need(size);
    const start = at;
    at += size;
    if (size === 1) return bytes[start]!;
    if (size === 2) return view.getUint16(start);
    if (size === 4) return view.getUint32(start);
    const value = view.getBigUint64(start);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('CBOR integer too large.');
    return Number(value);
  };

  const readItem = (): CborValue => {
    need(1);
    const head = bytes[at++]!;
    const major = head >> 5;
    const info = head & 31;
    if (info === 31 && (major === 4 || major === 5)) return major === 4 ? readList(Infinity) : readMap(Infinity);
    switch (major) {
      case 0:
        return readArgument(info);
      case 1:
        return -1 - readArgument(info);
      case 2:
      case 3: {
        const length = readArgument(info);
        need(length);
        const slice = bytes.subarray(at, (at += length));
        return major === 2 ? slice : utf8.decode(slice);
      }
      case 4:
        return readList(readArgument(info));
      case 5:
        return readMap(readArgument(info));
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22 || info === 23) return null;
        throw new Error(`Unsupported CBOR simple value at byte ${at - 1}.`);
      default:
        throw new Error(`Unsupported CBOR item (major type ${major}) at byte ${at - 1}.`);
    }
  };

  /** An array of `count` items, or up to the break byte when `count` is Infinity. */
  const readList = (count: number): CborValue[] => {
    const items: CborValue[] = [];
    while (hasMore(items.length, count)) items.push(readItem());
    return items;
  };

  const readMap = (count: number): { [key: string]: CborValue } => {
    const map: { [key: string]: CborValue } = {};
    for (let read = 0; hasMore(read, count); read += 1) {
      const key = readItem();
      map[String(key)] = readItem();
    }
    return map;
  };

  /** Whether a container has another item: by its count, or (indefinite) until the break byte, which it consumes. */
  const hasMore = (read: number, count: number): boolean => {
    if (count !== Infinity) return read < count;
    need(1);
    if (bytes[at] !== 0xff) return true;
    at += 1;
    return false;
  };

  const value = readItem();
  if (at !== bytes.length) throw new Error(`CBOR data has ${bytes.length - at} bytes after its item.`);
  return value;
}
