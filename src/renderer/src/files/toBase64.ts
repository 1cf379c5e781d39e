/**
 * A file's bytes as base64, so any encoding reaches the core byte for byte. Converted in slices:
 * spreading a whole large file into `fromCharCode` overflows the call stack.
 */
export function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer)
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}
