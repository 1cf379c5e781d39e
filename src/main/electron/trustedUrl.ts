/**
 * URL decisions of the Electron glue, kept free of `electron` so they are tested in plain Node.
 */

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/** Links the user clicks open in the system browser, mail or phone app only for these protocols. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return EXTERNAL_PROTOCOLS.has(new URL(url).protocol)
  } catch {
    return false
  }
}

/**
 * Whether `url` is our own renderer: the built index.html under `rendererRoot` (a file: URL of
 * the folder) or, in development, a page of the dev server's origin.
 */
export function isAppUrl(
  url: string,
  app: { rendererRoot: string; devServerUrl?: string },
): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (app.devServerUrl) {
    try {
      return parsed.origin === new URL(app.devServerUrl).origin
    } catch {
      return false
    }
  }
  const root = app.rendererRoot.endsWith('/') ? app.rendererRoot : `${app.rendererRoot}/`
  return parsed.protocol === 'file:' && `file://${parsed.pathname}`.startsWith(root)
}
