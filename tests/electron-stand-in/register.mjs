// Loaded with `node --import` before the desktop glue: makes `electron` resolve to the recording
// stand-in. `module.register` (async hooks) reaches `import 'electron'`; a CommonJS `require`
// (the preload) is reached only by the synchronous `registerHooks` (Node 22.15+), so both.
import { register, registerHooks } from 'node:module'

const standIn = new URL('./electron.mjs', import.meta.url).href
register('./resolveElectron.mjs', import.meta.url)
registerHooks?.({
  resolve: (specifier, context, next) =>
    specifier === 'electron' ? { url: standIn, shortCircuit: true } : next(specifier, context),
})
