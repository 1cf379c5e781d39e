/** A permission a page asks for, as main's session handlers see it. */
export interface PermissionAsk {
  permission: string
  /** Our window's main frame, showing our own page. */
  fromOurPage: boolean
  /** For `media`: `video` (camera), `audio` (microphone); a check may say `unknown`. */
  mediaTypes: readonly string[]
}

/**
 * Only the camera, and only for our own page: the user photographs a business card. Everything
 * else (microphone, location, notifications, which go through main) is denied, as is any page
 * that is not ours: Electron shows no camera indicator of its own.
 */
export function allowPermission(ask: PermissionAsk): boolean {
  return (
    ask.permission === 'media' &&
    ask.fromOurPage &&
    ask.mediaTypes.length > 0 &&
    ask.mediaTypes.every((type) => type === 'video')
  )
}
