// A short, stable, non-cryptographic hash for URL slugs, the same in Node and in the browser:
// two 32-bit FNV-1a passes over the UTF-8 bytes with different offsets, as 16 hex digits. Pure.

function fnv1a(bytes: Uint8Array, offset: number): number {
  let h = offset >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function shortHash(s: string): string {
  const bytes = new TextEncoder().encode(s);
  return fnv1a(bytes, 0x811c9dc5).toString(16).padStart(8, '0') + fnv1a(bytes, 0x050c5d1f).toString(16).padStart(8, '0');
}
