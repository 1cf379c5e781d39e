/**
 * Chromium flags for pages that draw with WebGL (the relationship map): headless Chromium
 * without a GPU draws with SwiftShader, which the other specs' `--disable-gpu` would turn off.
 * Shared by the map spec and the map benchmark.
 */
export const WEBGL_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
