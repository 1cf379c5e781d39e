import jsQR from 'jsqr'

/** Longest side an image is read at: a phone photo is scaled down, which jsQR reads faster. */
const MAX_SIDE = 1600

/**
 * The text of the QR code in an image file (photo or screenshot), or null when none is found.
 * Throws when the file is not an image the browser can decode.
 */
export async function decodeQrImage(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file)
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height))
    const width = Math.max(1, Math.round(bitmap.width * scale))
    const height = Math.max(1, Math.round(bitmap.height * scale))
    const canvas = new OffscreenCanvas(width, height)
    const context = canvas.getContext('2d')
    if (!context) return null
    context.drawImage(bitmap, 0, 0, width, height)
    const { data } = context.getImageData(0, 0, width, height)
    // Light codes on dark backgrounds (dark-mode screenshots) too.
    return jsQR(data, width, height, { inversionAttempts: 'attemptBoth' })?.data ?? null
  } finally {
    bitmap.close()
  }
}
