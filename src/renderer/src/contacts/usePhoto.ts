import { useEffect, useState } from 'react'
import { useApi } from '../api/ApiContext'

/** A displayable URL for a contact's photo reference (older cards may hold a data: URL). */
export function usePhoto(ref: string | undefined, variant: 'full' | 'thumb'): string | undefined {
  const api = useApi()
  const [loaded, setLoaded] = useState<{ ref: string; url: string }>()
  useEffect(() => {
    if (!ref || ref.startsWith('data:')) return
    let cancelled = false
    api['photos.get']({ ref, variant }).then(
      ({ dataUrl }) => !cancelled && setLoaded({ ref, url: dataUrl }),
      () => undefined,
    )
    return () => {
      cancelled = true
    }
  }, [api, ref, variant])
  if (!ref) return undefined
  if (ref.startsWith('data:')) return ref
  return loaded?.ref === ref ? loaded.url : undefined
}

/** Reads an image file as base64 plus a small WebP thumbnail drawn on a canvas. */
export async function photoUpload(file: Blob): Promise<{ data: string; thumbnail?: string }> {
  const data = await blobToBase64(file)
  try {
    const bitmap = await createImageBitmap(file)
    const scale = Math.min(1, 160 / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(bitmap.width * scale))
    canvas.height = Math.max(1, Math.round(bitmap.height * scale))
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    const thumb = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/webp', 0.8),
    )
    return thumb ? { data, thumbnail: await blobToBase64(thumb) } : { data }
  } catch {
    // Not decodable here: the core still checks the file and says what is wrong.
    return { data }
  }
}

function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(blob)
  })
}
