// electronegativity asks GitHub for fresh translations and Electron's release notes through
// `got`. Offline those requests time out, and on Node 22+ got's retry timer then throws after the
// promise settled, killing the scan. This stand-in fails every request at once, so the scan uses
// the data it ships with and stays offline.
const Module = require('node:module') // eslint-disable-line @typescript-eslint/no-require-imports -- a CommonJS preload for --require
const load = Module._load
Module._load = function (request, parent, isMain) {
  if (request === 'got') {
    const offline = () =>
      Promise.reject(new Error('offline: network requests are disabled in tests'))
    offline.default = offline
    offline.get = offline
    return offline
  }
  return load.call(this, request, parent, isMain)
}
