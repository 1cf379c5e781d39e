/**
 * The renderer's Content Security Policy, shared by the Electron window and browser mode. Styles
 * allow 'unsafe-inline' because Mantine injects style tags at run time; scripts never do.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

/** As an HTTP header the policy can also forbid framing, which a <meta> tag cannot express. */
export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`
